SELECT CAST(doc->>'$.order_id' AS INTEGER) AS order_id, CAST(je.key AS INTEGER) + 1 AS line_no,
       je.value->>'sku' AS sku, CAST(je.value->>'qty' AS INTEGER) AS qty
FROM orders, json_each(doc, '$.lines') AS je
