-- the latest snapshot and every later event as one stream of deltas, summed per stream
WITH latest AS (
    SELECT stream, max(version) AS version, arg_max(balance, version) AS balance FROM snapshots GROUP BY stream
), deltas AS (
    SELECT stream, version, balance AS delta FROM latest
    UNION ALL
    SELECT e.stream, e.version,
           CASE WHEN e.type = 'deposited' THEN e.amount WHEN e.type = 'withdrawn' THEN -e.amount ELSE 0 END
    FROM events e
    WHERE e.version > coalesce((SELECT version FROM latest WHERE latest.stream = e.stream), 0)
)
SELECT stream, sum(delta) AS balance, max(version) AS version FROM deltas GROUP BY stream
