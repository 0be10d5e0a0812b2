-- The anti-join is right, but flights without a tailnum are reported as missing planes too.
SELECT f.year, f.month, f.day, f.carrier, f.flight, f.tailnum
FROM flights AS f LEFT JOIN planes AS p ON p.tailnum = f.tailnum
WHERE p.tailnum IS NULL
