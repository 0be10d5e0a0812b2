WITH RECURSIVE walk(person, hops) AS (
    SELECT person, 0 FROM start
    UNION
    SELECT f.dst, w.hops + 1 FROM walk w JOIN follows f ON f.src = w.person WHERE w.hops < 6)
SELECT person, max(hops) AS hops FROM walk WHERE person <> (SELECT person FROM start) GROUP BY person
