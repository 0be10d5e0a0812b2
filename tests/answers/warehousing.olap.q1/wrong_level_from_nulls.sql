-- Infers the level from NULLs: a nation whose name is unknown is taken for a region subtotal.
SELECT r_name AS region, n_name AS nation, sum(o_totalprice) AS revenue,
       CASE WHEN r_name IS NULL THEN 2 WHEN n_name IS NULL THEN 1 ELSE 0 END AS level
FROM orders JOIN customer ON c_custkey = o_custkey
JOIN nation ON n_nationkey = c_nationkey JOIN region ON r_regionkey = n_regionkey
GROUP BY ROLLUP (r_name, n_name)
