-- Covering with the read columns as key columns instead of INCLUDE.
CREATE INDEX orders_cover ON orders (channel, ordered_at, customer_id, total)
