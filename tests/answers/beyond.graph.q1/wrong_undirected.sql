WITH RECURSIVE e AS (SELECT src, dst FROM follows UNION SELECT dst, src FROM follows),
walk(person, hops) AS (
    SELECT person, 0 FROM start
    UNION
    SELECT e.dst, w.hops + 1 FROM walk w JOIN e ON e.src = w.person WHERE w.hops < 100)
SELECT person, min(hops) AS hops FROM walk WHERE person <> (SELECT person FROM start) GROUP BY person
