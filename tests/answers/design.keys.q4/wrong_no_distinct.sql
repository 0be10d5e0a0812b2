-- The self-join returns one row per disagreeing pair: customers appear several times.
SELECT a.customer_id
FROM order_lines a JOIN order_lines b
  ON a.customer_id = b.customer_id
 AND (a.customer_email IS NOT b.customer_email OR a.customer_city IS NOT b.customer_city)
