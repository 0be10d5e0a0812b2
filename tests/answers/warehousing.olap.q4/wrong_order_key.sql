-- Sorted by the primary key: ship dates are spread over every row group.
SELECT * FROM lineitem ORDER BY l_orderkey, l_linenumber
