-- Clustered by ship month, then by order key inside the month (columns listed explicitly).
SELECT l_orderkey, l_partkey, l_suppkey, l_linenumber, l_quantity, l_extendedprice, l_discount, l_tax,
       l_returnflag, l_linestatus, l_shipdate, l_commitdate, l_receiptdate, l_shipinstruct, l_shipmode, l_comment
FROM lineitem
ORDER BY date_trunc('month', l_shipdate), l_orderkey, l_linenumber
