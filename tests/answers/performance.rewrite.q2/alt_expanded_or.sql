-- The row-value comparison written out; the first condition lets SQLite search the index.
SELECT order_id, total FROM orders
WHERE total >= :last_total AND (total > :last_total OR order_id > :last_id)
ORDER BY total, order_id
LIMIT 50
