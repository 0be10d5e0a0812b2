SELECT order_id, line_no, l->>'sku' AS sku, coalesce(CAST(l->>'qty' AS INTEGER), 1) AS qty
FROM (
    SELECT CAST(doc->>'$.order_id' AS INTEGER) AS order_id,
           unnest(json_extract(doc, '$.lines[*]')) AS l,
           generate_subscripts(json_extract(doc, '$.lines[*]'), 1) AS line_no
    FROM orders
)
