-- arg_max over a sort key that puts NULL timestamps first, then batch_id; DISTINCT for redeliveries.
SELECT customer_id,
       arg_max(email, (updated_at IS NOT NULL, coalesce(updated_at, TIMESTAMP '2000-01-01'), batch_id)) AS email,
       arg_max(city,  (updated_at IS NOT NULL, coalesce(updated_at, TIMESTAMP '2000-01-01'), batch_id)) AS city,
       arg_max(updated_at, (updated_at IS NOT NULL, coalesce(updated_at, TIMESTAMP '2000-01-01'), batch_id)) AS updated_at
FROM (SELECT DISTINCT * FROM customer_updates)
GROUP BY customer_id
