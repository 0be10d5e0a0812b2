-- BETWEEN includes valid_to: on the day a price changes, the old and the new price both match.
SELECT product_id, price
FROM price_history
WHERE '2024-03-01' BETWEEN valid_from AND coalesce(valid_to, '9999-12-31')
