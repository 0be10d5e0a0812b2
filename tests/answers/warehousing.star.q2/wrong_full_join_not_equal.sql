-- Aggregates both sides and full-joins them, but compares with <>: a NULL amount slips through.
WITH s AS (SELECT order_key, line_number, count(*) AS n, sum(amount) AS amount FROM stg_lines GROUP BY ALL),
     f AS (SELECT order_key, line_number, count(*) AS n, sum(amount) AS amount FROM fact_lines GROUP BY ALL)
SELECT coalesce(s.order_key, f.order_key) AS order_key, coalesce(s.line_number, f.line_number) AS line_number
FROM s FULL JOIN f ON f.order_key = s.order_key AND f.line_number = s.line_number
WHERE s.order_key IS NULL OR f.order_key IS NULL OR s.n <> f.n OR s.amount <> f.amount
