-- DuckDB's QUALIFY filters on the window function directly.
SELECT n_name AS nation, c_custkey AS customer_key, sum(o_totalprice) AS total,
       row_number() OVER (PARTITION BY n_name ORDER BY sum(o_totalprice) DESC, c_custkey) AS rnk
FROM orders JOIN customer ON c_custkey = o_custkey JOIN nation ON n_nationkey = c_nationkey
GROUP BY n_name, c_custkey
QUALIFY rnk <= 3
