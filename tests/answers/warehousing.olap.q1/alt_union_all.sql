-- The three grouping levels written out and stacked with UNION ALL.
WITH o AS (
    SELECT r_name, n_name, o_totalprice
    FROM orders JOIN customer ON c_custkey = o_custkey
    JOIN nation ON n_nationkey = c_nationkey JOIN region ON r_regionkey = n_regionkey
)
SELECT r_name AS region, n_name AS nation, sum(o_totalprice) AS revenue, 0 AS level FROM o GROUP BY r_name, n_name
UNION ALL
SELECT r_name, NULL, sum(o_totalprice), 1 FROM o GROUP BY r_name
UNION ALL
SELECT NULL, NULL, sum(o_totalprice), 2 FROM o
