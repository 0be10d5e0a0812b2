-- BETWEEN on the timestamp text: '2024-03-31 08:00:00' > '2024-03-31', so the last day is lost.
SELECT order_id, customer_id, total
FROM orders
WHERE ordered_at BETWEEN '2024-03-16' AND '2024-03-31'
