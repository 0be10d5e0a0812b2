-- Bottom-up: walk from every employee up to the top; the depth is the number of steps taken.
WITH RECURSIVE up (emp_id, boss, steps) AS (
    SELECT emp_id, manager_id, 0 FROM employees
    UNION ALL
    SELECT u.emp_id, m.manager_id, u.steps + 1
    FROM up AS u JOIN employees AS m ON m.emp_id = u.boss
)
SELECT e.name AS name, u.emp_id AS emp_id, max(u.steps) AS depth
FROM up AS u JOIN employees AS e ON e.emp_id = u.emp_id
GROUP BY u.emp_id, e.name
