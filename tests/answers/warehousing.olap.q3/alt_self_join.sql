-- No window functions: a self-join over the calendar months in range.
WITH m AS (
    SELECT CAST(date_trunc('month', o_orderdate) AS DATE) AS month, sum(o_totalprice) AS revenue FROM orders GROUP BY 1
)
SELECT a.month, a.revenue,
       (SELECT avg(b.revenue) FROM m AS b WHERE b.month BETWEEN a.month - INTERVAL 2 MONTH AND a.month) AS avg_3m,
       (SELECT sum(b.revenue) FROM m AS b WHERE year(b.month) = year(a.month) AND b.month <= a.month) AS ytd
FROM m AS a
ORDER BY a.month
