-- Reads $.lines[0]: one row per order, with its first line only.
SELECT order_id, 1 AS line_no,
       json_extract(doc, '$.lines[0].sku')   AS sku,
       json_extract(doc, '$.lines[0].qty')   AS qty,
       json_extract(doc, '$.lines[0].price') AS price
FROM orders_json
