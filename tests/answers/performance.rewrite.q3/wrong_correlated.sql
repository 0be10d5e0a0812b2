-- One statement, but still one scan of orders per customer (twice): the N+1 moved inside.
SELECT c.customer_id,
       (SELECT count(*) FROM orders AS o WHERE o.customer_id = c.customer_id) AS n_orders,
       (SELECT coalesce(sum(o.total), 0) FROM orders AS o WHERE o.customer_id = c.customer_id) AS revenue
FROM customers AS c
WHERE c.city = 'Lyon'
