WITH o AS (SELECT CAST(doc->>'$.order_id' AS INTEGER) AS order_id, CAST(doc->>'$.customer.id' AS INTEGER) AS customer_id, doc
           FROM orders WHERE (doc->>'$.status') IS DISTINCT FROM 'cancelled'),
v AS (SELECT order_id, sum(coalesce(CAST(l->>'qty' AS DOUBLE) * CAST(l->>'price' AS DOUBLE)
                           * (1 - coalesce(CAST(l->>'discount' AS DOUBLE), 0)), 0)) AS v
      FROM (SELECT order_id, unnest(json_extract(doc, '$.lines[*]')) AS l FROM o) GROUP BY order_id)
SELECT customer_id, count(*) AS orders, coalesce(sum(v), 0) AS revenue FROM o LEFT JOIN v USING (order_id) GROUP BY customer_id
