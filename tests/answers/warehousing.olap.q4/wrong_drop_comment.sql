-- Sorted well, but drops a column to make the file smaller: the layout must keep every column.
SELECT * EXCLUDE (l_comment) FROM lineitem ORDER BY l_shipdate
