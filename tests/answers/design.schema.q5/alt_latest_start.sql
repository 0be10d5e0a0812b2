-- The latest period that started on or before the day, kept only if it has not ended yet.
WITH ranked AS (
    SELECT product_id, price, valid_to,
           row_number() OVER (PARTITION BY product_id ORDER BY valid_from DESC) AS newest
    FROM price_history
    WHERE valid_from <= '2024-03-01'
)
SELECT product_id, price FROM ranked
WHERE newest = 1 AND (valid_to IS NULL OR valid_to > '2024-03-01')
