WITH per_customer AS (
  SELECT customer_id,
         COUNT(DISTINCT COALESCE(customer_email, '<null>')) AS emails,
         COUNT(DISTINCT COALESCE(customer_city, '<null>')) AS cities
  FROM order_lines
  GROUP BY customer_id
)
SELECT customer_id FROM per_customer WHERE emails > 1 OR cities > 1
