-- Count departures and arrivals separately, then add them up.
WITH dep AS (SELECT origin AS code, count(*) AS n FROM flights WHERE origin IS NOT NULL GROUP BY origin),
     arr AS (SELECT dest AS code, count(*) AS n FROM flights WHERE dest IS NOT NULL GROUP BY dest),
     both_ AS (SELECT * FROM dep UNION ALL SELECT * FROM arr)
SELECT b.code, sum(b.n) AS flights
FROM both_ AS b
WHERE NOT EXISTS (SELECT 1 FROM airports WHERE faa = b.code)
GROUP BY b.code
