-- Aggregate orders once, then attach the totals to the customers of Lyon.
WITH per_customer AS (
    SELECT customer_id, count(*) AS n, sum(total) AS revenue FROM orders GROUP BY customer_id
)
SELECT c.customer_id, coalesce(p.n, 0) AS n_orders, coalesce(p.revenue, 0) AS revenue
FROM customers AS c LEFT JOIN per_customer AS p ON p.customer_id = c.customer_id
WHERE c.city = 'Lyon'
