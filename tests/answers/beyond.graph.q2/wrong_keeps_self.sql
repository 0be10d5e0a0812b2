WITH f AS (SELECT a AS p, b AS q FROM friends UNION ALL SELECT b, a FROM friends)
SELECT f2.q AS person, count(*) AS mutual
FROM f f1 JOIN f f2 ON f2.p = f1.q
WHERE f1.p = (SELECT person FROM start)
  AND f2.q NOT IN (SELECT q FROM f WHERE p = (SELECT person FROM start))
GROUP BY f2.q
