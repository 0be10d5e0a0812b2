-- one value per order with a correlated subquery over json_each; no join needed
SELECT customer_id, count(*) AS orders, sum(value) AS revenue
FROM (
    SELECT CAST(json_extract_string(doc, '$.customer.id') AS BIGINT) AS customer_id,
           coalesce((SELECT sum(coalesce(CAST(json_extract(e.value, '$.qty') AS DOUBLE), 1.0)
                                * CAST(json_extract(e.value, '$.price') AS DOUBLE)
                                * (1 - coalesce(CAST(json_extract(e.value, '$.discount') AS DOUBLE), 0.0)))
                     FROM json_each(doc, '$.lines') AS e), 0) AS value
    FROM orders
    WHERE coalesce(json_extract_string(doc, '$.status'), 'none') != 'cancelled'
) AS per_order
GROUP BY customer_id
