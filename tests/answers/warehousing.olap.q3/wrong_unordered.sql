-- Right numbers, but no ORDER BY: the report's rows come in whatever order the engine likes.
WITH m AS (
    SELECT CAST(date_trunc('month', o_orderdate) AS DATE) AS month, sum(o_totalprice) AS revenue FROM orders GROUP BY 1
)
SELECT month, revenue,
       avg(revenue) OVER (ORDER BY month RANGE BETWEEN INTERVAL 2 MONTH PRECEDING AND CURRENT ROW) AS avg_3m,
       sum(revenue) OVER (PARTITION BY year(month) ORDER BY month) AS ytd
FROM m ORDER BY revenue
