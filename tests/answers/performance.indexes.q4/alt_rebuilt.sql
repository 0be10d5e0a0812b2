-- Rebuilds the set from scratch, channel first (either order serves two equalities).
DROP INDEX orders_customer;
DROP INDEX orders_customer_time;
DROP INDEX orders_status;
DROP INDEX orders_channel;
DROP INDEX orders_time;
DROP INDEX orders_total;
CREATE INDEX by_customer ON orders (customer_id, ordered_at);
CREATE INDEX by_channel ON orders (channel, status);
