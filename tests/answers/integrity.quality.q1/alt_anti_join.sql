-- DuckDB's ANTI JOIN.
SELECT f.year, f.month, f.day, f.carrier, f.flight, f.tailnum
FROM flights AS f ANTI JOIN planes AS p ON p.tailnum = f.tailnum
WHERE f.tailnum IS NOT NULL
