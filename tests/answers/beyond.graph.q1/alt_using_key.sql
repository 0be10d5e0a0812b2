-- USING KEY keeps one row per person: the recursion only carries improvements
WITH RECURSIVE walk(person, hops) USING KEY (person) AS (
    SELECT person, 0 FROM start
    UNION
    SELECT f.dst, w.hops + 1
    FROM walk AS w JOIN follows AS f ON f.src = w.person
    LEFT JOIN recurring.walk AS known ON known.person = f.dst
    WHERE known.person IS NULL OR known.hops > w.hops + 1
)
SELECT person, hops FROM walk WHERE person NOT IN (SELECT person FROM start)
