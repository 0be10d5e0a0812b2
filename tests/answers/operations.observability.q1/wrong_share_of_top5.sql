WITH top AS (
    SELECT queryid, query, sum(calls) AS calls, sum(total_exec_time) AS total_ms
    FROM pgss WHERE toplevel = 1
    GROUP BY queryid, query
    ORDER BY total_ms DESC LIMIT 5
)
SELECT queryid, query, calls, total_ms, 100 * total_ms / sum(total_ms) OVER () AS share_pct
FROM top ORDER BY total_ms DESC
