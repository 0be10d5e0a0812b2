-- A closed range up to the last second (timestamps have whole seconds).
SELECT order_id, customer_id, total
FROM orders
WHERE ordered_at BETWEEN '2024-03-16 00:00:00' AND '2024-03-31 23:59:59'
