-- Indexes the column of the second query only.
CREATE INDEX orders_status ON orders (status, customer_id)
