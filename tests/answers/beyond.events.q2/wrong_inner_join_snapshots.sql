-- streams without a snapshot, or whose events were all archived, disappear
WITH latest AS (SELECT stream, max(version) AS version, arg_max(balance, version) AS balance FROM snapshots GROUP BY stream)
SELECT l.stream,
       l.balance + coalesce(sum(CASE e.type WHEN 'deposited' THEN e.amount WHEN 'withdrawn' THEN -e.amount ELSE 0 END), 0) AS balance,
       max(e.version) AS version
FROM latest l JOIN events e ON e.stream = l.stream AND e.version > l.version
GROUP BY l.stream, l.balance
