-- Covering, but the range column first: the whole date range of every channel is read.
CREATE INDEX orders_time_first ON orders (ordered_at, channel, customer_id, total)
