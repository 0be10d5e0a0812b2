SELECT queryid, query, sum(calls) AS calls, sum(total_exec_time) AS total_ms,
       100 * sum(total_exec_time) / (SELECT sum(total_exec_time) FROM pgss) AS share_pct
FROM pgss
GROUP BY queryid, query
ORDER BY total_ms DESC LIMIT 5
