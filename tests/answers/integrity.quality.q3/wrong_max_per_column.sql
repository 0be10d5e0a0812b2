-- max() of each column separately: a record stitched from different versions.
SELECT customer_id, max(email) AS email, max(city) AS city, max(updated_at) AS updated_at
FROM customer_updates
GROUP BY customer_id
