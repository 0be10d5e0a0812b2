-- Self-joins instead of recursion: stops two levels below the top.
SELECT emp_id, name, 0 AS depth FROM employees WHERE manager_id IS NULL
UNION ALL
SELECT e.emp_id, e.name, 1 FROM employees AS e JOIN employees AS m ON e.manager_id = m.emp_id
WHERE m.manager_id IS NULL
UNION ALL
SELECT e.emp_id, e.name, 2 FROM employees AS e
JOIN employees AS m ON e.manager_id = m.emp_id
JOIN employees AS b ON m.manager_id = b.emp_id
WHERE b.manager_id IS NULL
