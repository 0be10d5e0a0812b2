-- Counts levels from 1: the head of the organisation gets depth 1 instead of 0.
WITH RECURSIVE chart (emp_id, name, depth) AS (
    SELECT emp_id, name, 1 FROM employees WHERE manager_id IS NULL
    UNION ALL
    SELECT e.emp_id, e.name, c.depth + 1 FROM employees AS e JOIN chart AS c ON e.manager_id = c.emp_id
)
SELECT emp_id, name, depth FROM chart
