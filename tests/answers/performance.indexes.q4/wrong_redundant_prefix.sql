-- Adds the right index but keeps orders_customer, a prefix of orders_customer_time.
DROP INDEX orders_status;
DROP INDEX orders_channel;
DROP INDEX orders_time;
DROP INDEX orders_total;
CREATE INDEX orders_status_channel ON orders (status, channel);
