-- The -> and ->> operators, json_each over the extracted array, an explicit CROSS JOIN.
SELECT d.order_id,
       CAST(item.key AS INTEGER) + 1 AS line_no,
       item.value ->> 'sku'   AS sku,
       item.value ->> 'qty'   AS qty,
       item.value ->> 'price' AS price
FROM orders_json AS d
CROSS JOIN json_each(d.doc -> '$.lines') AS item
