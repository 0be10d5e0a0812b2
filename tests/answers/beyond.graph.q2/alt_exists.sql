SELECT c.person, count(*) AS mutual
FROM (SELECT CASE WHEN a = s.person THEN b ELSE a END AS friend
      FROM friends, start s WHERE s.person IN (a, b)) AS mine
JOIN (SELECT a AS x, b AS person FROM friends UNION ALL SELECT b, a FROM friends) AS c ON c.x = mine.friend
WHERE c.person <> (SELECT person FROM start)
  AND NOT EXISTS (SELECT 1 FROM friends, start s
                  WHERE (a = s.person AND b = c.person) OR (b = s.person AND a = c.person))
GROUP BY c.person
