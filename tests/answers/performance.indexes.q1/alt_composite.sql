-- A composite index whose first column is the one every query searches.
create index orders_customer_status on orders (customer_id, status);
