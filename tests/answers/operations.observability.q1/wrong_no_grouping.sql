SELECT queryid, query, calls, total_exec_time AS total_ms,
       100 * total_exec_time / (SELECT sum(total_exec_time) FROM pgss WHERE toplevel = 1) AS share_pct
FROM pgss WHERE toplevel = 1
ORDER BY total_ms DESC LIMIT 5
