-- INNER JOIN: a customer of Lyon without any order disappears.
SELECT c.customer_id, count(*) AS n_orders, sum(o.total) AS revenue
FROM customers AS c JOIN orders AS o ON o.customer_id = c.customer_id
WHERE c.city = 'Lyon'
GROUP BY c.customer_id
