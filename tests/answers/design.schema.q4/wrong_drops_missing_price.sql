-- Filters out lines without a price instead of keeping them with a NULL price.
SELECT o.order_id, l.key + 1 AS line_no,
       json_extract(l.value, '$.sku') AS sku, json_extract(l.value, '$.qty') AS qty,
       json_extract(l.value, '$.price') AS price
FROM orders_json AS o, json_each(o.doc, '$.lines') AS l
WHERE json_extract(l.value, '$.price') IS NOT NULL
