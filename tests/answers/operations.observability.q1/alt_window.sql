-- the share from a window over all groups, computed before the LIMIT
SELECT queryid, query, calls, total_ms, share_pct FROM (
    SELECT queryid, min(query) AS query, sum(calls) AS calls, sum(total_exec_time) AS total_ms,
           100.0 * sum(total_exec_time) / sum(sum(total_exec_time)) OVER () AS share_pct
    FROM pgss WHERE toplevel <> 0
    GROUP BY queryid
) ranked
ORDER BY total_ms DESC
FETCH FIRST 5 ROWS ONLY
