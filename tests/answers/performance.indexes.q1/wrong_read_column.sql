-- Indexes the column that is read, not the one that is searched.
CREATE INDEX orders_time ON orders (ordered_at)
