-- The right search columns, but the table must still be visited for customer_id and total.
CREATE INDEX orders_channel_time ON orders (channel, ordered_at)
