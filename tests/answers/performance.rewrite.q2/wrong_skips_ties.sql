-- Moves past the whole tie: rows with the same total as the last row are skipped.
SELECT order_id, total FROM orders
WHERE total > :last_total
ORDER BY total, order_id
LIMIT 50
