-- PostgreSQL's habit, DESC NULLS FIRST: a version without a timestamp wins over every dated one.
SELECT customer_id, email, city, updated_at
FROM customer_updates
QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY updated_at DESC NULLS FIRST, batch_id DESC) = 1
