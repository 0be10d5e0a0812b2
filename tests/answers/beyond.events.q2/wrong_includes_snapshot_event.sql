-- >= counts the snapshot's own event twice (when it is still in the store)
WITH latest AS (SELECT stream, version, balance FROM snapshots
                QUALIFY row_number() OVER (PARTITION BY stream ORDER BY version DESC) = 1),
streams AS (SELECT stream FROM events UNION SELECT stream FROM snapshots)
SELECT s.stream,
       coalesce(l.balance, 0) + coalesce(sum(CASE e.type WHEN 'deposited' THEN e.amount WHEN 'withdrawn' THEN -e.amount ELSE 0 END), 0) AS balance,
       greatest(coalesce(max(e.version), 0), coalesce(l.version, 0)) AS version
FROM streams s LEFT JOIN latest l ON l.stream = s.stream
LEFT JOIN events e ON e.stream = s.stream AND e.version >= coalesce(l.version, 0)
GROUP BY s.stream, l.balance, l.version
