-- COUNT(DISTINCT ...) ignores NULLs: a NULL city beside a real one goes unnoticed.
SELECT customer_id FROM order_lines
GROUP BY customer_id
HAVING COUNT(DISTINCT customer_email) > 1 OR COUNT(DISTINCT customer_city) > 1
