-- rank() gives tied customers the same rank: a nation with a tie gets four rows or a missing rank.
WITH t AS (
    SELECT n_name AS nation, c_custkey AS customer_key, sum(o_totalprice) AS total
    FROM orders JOIN customer ON c_custkey = o_custkey JOIN nation ON n_nationkey = c_nationkey
    GROUP BY n_name, c_custkey
)
SELECT * FROM (SELECT *, rank() OVER (PARTITION BY nation ORDER BY total DESC) AS rnk FROM t) WHERE rnk <= 3
