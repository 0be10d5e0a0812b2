-- treats the friendship as directed (a -> b only)
SELECT f2.b AS person, count(*) AS mutual
FROM friends f1 JOIN friends f2 ON f2.a = f1.b
WHERE f1.a = (SELECT person FROM start)
  AND f2.b NOT IN (SELECT b FROM friends WHERE a = (SELECT person FROM start))
GROUP BY f2.b
