-- GROUPING SETS spelled out, columns in another order, level from the bit mask.
SELECT CASE grouping(r_name, n_name) WHEN 0 THEN 0 WHEN 1 THEN 1 ELSE 2 END AS level,
       sum(o_totalprice) AS revenue, n_name AS nation, r_name AS region
FROM region, nation, customer, orders
WHERE r_regionkey = n_regionkey AND n_nationkey = c_nationkey AND c_custkey = o_custkey
GROUP BY GROUPING SETS ((r_name, n_name), (r_name), ())
