-- Forgets that valid_to is NULL for the current price: '2024-03-01' < NULL is never true.
SELECT product_id, price
FROM price_history
WHERE valid_from <= '2024-03-01' AND '2024-03-01' < valid_to
