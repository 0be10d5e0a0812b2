-- Starts from employee 1, "the boss": anyone else without a manager (and their reports) is missed.
WITH RECURSIVE chart (emp_id, name, depth) AS (
    SELECT emp_id, name, 0 FROM employees WHERE emp_id = 1
    UNION ALL
    SELECT e.emp_id, e.name, c.depth + 1 FROM employees AS e JOIN chart AS c ON e.manager_id = c.emp_id
)
SELECT emp_id, name, depth FROM chart
