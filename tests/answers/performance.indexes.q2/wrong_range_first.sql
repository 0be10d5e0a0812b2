-- The range column first: the index is searched by month, then every status of the month is read.
CREATE INDEX orders_time_status ON orders (ordered_at, status)
