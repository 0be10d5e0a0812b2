-- Drops every index but the composite one: the status/channel count scans the table.
DROP INDEX orders_customer;
DROP INDEX orders_status;
DROP INDEX orders_channel;
DROP INDEX orders_time;
DROP INDEX orders_total;
