-- No json_each: count positions 0 .. json_array_length - 1 with a recursive CTE and index into the array.
WITH RECURSIVE pos (order_id, doc, i) AS (
    SELECT order_id, doc, 0 FROM orders_json WHERE json_array_length(doc, '$.lines') > 0
    UNION ALL
    SELECT order_id, doc, i + 1 FROM pos WHERE i + 1 < json_array_length(doc, '$.lines')
)
SELECT price, qty, sku, line_no, order_id FROM (
    SELECT order_id, i + 1 AS line_no,
           json_extract(doc, '$.lines[' || i || '].sku')   AS sku,
           json_extract(doc, '$.lines[' || i || '].qty')   AS qty,
           json_extract(doc, '$.lines[' || i || '].price') AS price
    FROM pos
)
