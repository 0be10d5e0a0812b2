-- Another function on the column: still a full scan.
SELECT order_id, customer_id, total
FROM orders
WHERE substr(ordered_at, 1, 10) >= '2024-03-16' AND substr(ordered_at, 1, 10) <= '2024-03-31'
