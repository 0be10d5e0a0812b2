-- Row by row from staging with <>: misses lines only the warehouse has, lines loaded twice
-- with the same amount, and amounts lost as NULL.
SELECT s.order_key, s.line_number
FROM stg_lines s LEFT JOIN fact_lines f ON f.order_key = s.order_key AND f.line_number = s.line_number
WHERE f.order_key IS NULL OR f.amount <> s.amount
