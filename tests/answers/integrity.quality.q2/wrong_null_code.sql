-- The LEFT JOIN anti-join also reports the flights with no destination, as code NULL.
SELECT u.code, count(*) AS flights
FROM (SELECT origin AS code FROM flights UNION ALL SELECT dest FROM flights) AS u
LEFT JOIN airports AS a ON a.faa = u.code
WHERE a.faa IS NULL
GROUP BY u.code
