SELECT queryid, query, sum(calls) AS calls, sum(total_exec_time) AS total_ms,
       100 * sum(total_exec_time) / (SELECT sum(total_exec_time) FROM pgss WHERE toplevel = 1) AS share_pct
FROM pgss WHERE toplevel = 1
GROUP BY queryid, query
ORDER BY sum(total_exec_time) / sum(calls) DESC LIMIT 5
