-- Compares totals per order: two amounts swapped inside an order cancel out, and every line
-- of a differing order is reported.
WITH s AS (SELECT order_key, sum(amount) AS amount, count(*) AS n FROM stg_lines GROUP BY order_key),
     f AS (SELECT order_key, sum(amount) AS amount, count(*) AS n FROM fact_lines GROUP BY order_key)
SELECT DISTINCT l.order_key, l.line_number
FROM stg_lines l JOIN s USING (order_key) LEFT JOIN f USING (order_key)
WHERE s.amount IS DISTINCT FROM f.amount OR s.n IS DISTINCT FROM f.n
