-- UNION instead of UNION ALL: duplicates are removed before counting, so every code counts 1.
WITH used AS (
    SELECT origin AS code FROM flights
    UNION
    SELECT dest FROM flights
)
SELECT code, count(*) AS flights
FROM used
WHERE code IS NOT NULL AND code NOT IN (SELECT faa FROM airports)
GROUP BY code
