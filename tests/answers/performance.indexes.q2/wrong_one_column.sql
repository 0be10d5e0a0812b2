-- Only the equality column: every order of that status is visited.
CREATE INDEX orders_status ON orders (status)
