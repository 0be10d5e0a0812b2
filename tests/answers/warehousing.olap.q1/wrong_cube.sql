-- CUBE instead of ROLLUP: adds a subtotal per nation across regions, rows the report must not have.
SELECT r_name AS region, n_name AS nation, sum(o_totalprice) AS revenue,
       grouping(r_name) + grouping(n_name) AS level
FROM orders JOIN customer ON c_custkey = o_custkey
JOIN nation ON n_nationkey = c_nationkey JOIN region ON r_regionkey = n_regionkey
GROUP BY CUBE (r_name, n_name)
