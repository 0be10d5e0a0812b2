-- Newest first: a descending sort clusters the dates just as well.
SELECT * FROM lineitem ORDER BY l_shipdate DESC, l_receiptdate DESC
