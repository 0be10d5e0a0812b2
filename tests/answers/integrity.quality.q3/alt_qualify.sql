-- QUALIFY, with the NULL timestamps mapped to the oldest possible instant.
SELECT updated_at, city, email, customer_id
FROM customer_updates
QUALIFY row_number() OVER (
    PARTITION BY customer_id
    ORDER BY coalesce(updated_at, TIMESTAMP '-infinity') DESC, batch_id DESC) = 1
