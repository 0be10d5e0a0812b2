-- Looks at destinations only: an undefined origin goes unnoticed.
SELECT dest AS code, count(*) AS flights
FROM flights
WHERE dest IS NOT NULL AND dest NOT IN (SELECT faa FROM airports)
GROUP BY dest
