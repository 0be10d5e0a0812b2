-- Checks the city but forgets the e-mail.
SELECT DISTINCT a.customer_id
FROM order_lines a JOIN order_lines b
  ON a.customer_id = b.customer_id AND a.customer_city IS NOT b.customer_city
