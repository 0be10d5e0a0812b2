-- Equality first, range second, and the summed column too (a covering index).
CREATE INDEX orders_status_time_total ON orders (status, ordered_at, total)
