-- No window function: a customer's rank is 1 + the number of customers of the nation ahead of it.
WITH t AS (
    SELECT n_name AS nation, c_custkey AS customer_key, sum(o_totalprice) AS total
    FROM orders JOIN customer ON c_custkey = o_custkey JOIN nation ON n_nationkey = c_nationkey
    GROUP BY n_name, c_custkey
), r AS (
    SELECT a.nation, a.customer_key, a.total,
           1 + (SELECT count(*) FROM t AS b
                WHERE b.nation = a.nation
                  AND (b.total > a.total OR (b.total = a.total AND b.customer_key < a.customer_key))) AS rnk
    FROM t AS a
)
SELECT rnk, total, customer_key, nation FROM r WHERE rnk <= 3
