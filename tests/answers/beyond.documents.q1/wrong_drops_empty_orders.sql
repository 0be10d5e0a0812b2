SELECT CAST(doc->>'$.customer.id' AS INTEGER) AS customer_id,
       count(DISTINCT doc->>'$.order_id') AS orders,
       sum(coalesce(CAST(l->>'qty' AS DOUBLE), 1) * CAST(l->>'price' AS DOUBLE)
           * (1 - coalesce(CAST(l->>'discount' AS DOUBLE), 0))) AS revenue
FROM (SELECT doc, unnest(json_extract(doc, '$.lines[*]')) AS l FROM orders
      WHERE (doc->>'$.status') IS DISTINCT FROM 'cancelled')
GROUP BY 1
