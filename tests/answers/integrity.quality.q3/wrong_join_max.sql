-- Join back on max(updated_at): ties and duplicates give two rows, all-NULL customers vanish.
SELECT u.customer_id, u.email, u.city, u.updated_at
FROM customer_updates AS u
JOIN (SELECT customer_id, max(updated_at) AS updated_at FROM customer_updates GROUP BY customer_id) AS m
  ON m.customer_id = u.customer_id AND m.updated_at = u.updated_at
