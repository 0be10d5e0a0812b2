-- Ranks single orders, not customers' totals: a customer's biggest order stands for the customer.
WITH t AS (
    SELECT n_name AS nation, c_custkey AS customer_key, max(o_totalprice) AS total
    FROM orders JOIN customer ON c_custkey = o_custkey JOIN nation ON n_nationkey = c_nationkey
    GROUP BY n_name, c_custkey
)
SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY nation ORDER BY total DESC, customer_key) AS rnk FROM t)
WHERE rnk <= 3
