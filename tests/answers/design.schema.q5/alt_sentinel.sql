-- A far-future sentinel for the open end instead of an IS NULL test.
SELECT price, product_id
FROM price_history
WHERE '2024-03-01' >= valid_from
  AND '2024-03-01' < coalesce(valid_to, '9999-12-31')
