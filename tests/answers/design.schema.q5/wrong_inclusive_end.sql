-- Treats valid_to as included (<=): a price that ended on 1 March still counts that day.
SELECT product_id, price
FROM price_history
WHERE valid_from <= '2024-03-01'
  AND (valid_to IS NULL OR '2024-03-01' <= valid_to)
