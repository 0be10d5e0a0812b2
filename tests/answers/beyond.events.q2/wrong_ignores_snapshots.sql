-- replays the events still in the store and forgets the archived ones
SELECT stream, sum(CASE type WHEN 'deposited' THEN amount WHEN 'withdrawn' THEN -amount ELSE 0 END) AS balance,
       max(version) AS version
FROM events GROUP BY stream
