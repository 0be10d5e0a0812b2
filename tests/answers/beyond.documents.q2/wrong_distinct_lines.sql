SELECT DISTINCT CAST(doc->>'$.order_id' AS INTEGER) AS order_id,
       dense_rank() OVER (PARTITION BY doc->>'$.order_id' ORDER BY je.value->>'sku') AS line_no,
       je.value->>'sku' AS sku, coalesce(CAST(je.value->>'qty' AS INTEGER), 1) AS qty
FROM orders, json_each(doc, '$.lines') AS je
