-- Right rows, but the key is computed: every page scans the index from the start.
SELECT order_id, total FROM orders
WHERE total * 1000000 + order_id > :last_total * 1000000 + :last_id
ORDER BY total, order_id
LIMIT 50
