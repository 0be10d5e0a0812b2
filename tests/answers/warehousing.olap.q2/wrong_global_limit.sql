-- Ranks inside each nation but keeps the overall top rows with LIMIT instead of filtering by rank.
WITH t AS (
    SELECT n_name AS nation, c_custkey AS customer_key, sum(o_totalprice) AS total
    FROM orders JOIN customer ON c_custkey = o_custkey JOIN nation ON n_nationkey = c_nationkey
    GROUP BY n_name, c_custkey
)
SELECT *, row_number() OVER (PARTITION BY nation ORDER BY total DESC, customer_key) AS rnk
FROM t ORDER BY total DESC, customer_key LIMIT 75
