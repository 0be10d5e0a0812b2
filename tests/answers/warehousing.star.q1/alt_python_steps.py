# Creates the tables first, fills them statement by statement, computes date keys arithmetically
# and the calendar with generate_series; other column order.
def build_star(con):
    statements = [
        """CREATE TABLE dim_date (full_date DATE, date_key INTEGER PRIMARY KEY, month INTEGER,
                                  quarter INTEGER, year INTEGER)""",
        """INSERT INTO dim_date
           SELECT d::DATE, year(d) * 10000 + month(d) * 100 + day(d), month(d), quarter(d), year(d)
           FROM (SELECT min(o_orderdate) AS lo, max(o_orderdate) AS hi FROM orders) AS b,
                generate_series(b.lo, b.hi, INTERVAL 1 DAY) AS g(d)""",
        "CREATE TABLE dim_customer (customer_key BIGINT PRIMARY KEY, region VARCHAR, nation VARCHAR, segment VARCHAR, customer_name VARCHAR)",
        """INSERT INTO dim_customer
           SELECT c.c_custkey, r.r_name, n.n_name, c.c_mktsegment, c.c_name
           FROM customer c, nation n, region r
           WHERE n.n_nationkey = c.c_nationkey AND r.r_regionkey = n.n_regionkey""",
        "CREATE TABLE dim_supplier (supplier_key BIGINT PRIMARY KEY, region VARCHAR, nation VARCHAR)",
        """INSERT INTO dim_supplier
           SELECT s.s_suppkey, r.r_name, n.n_name FROM supplier s, nation n, region r
           WHERE n.n_nationkey = s.s_nationkey AND r.r_regionkey = n.n_regionkey""",
        "CREATE TABLE dim_part AS SELECT p_type AS type, p_brand AS brand, p_partkey AS part_key FROM part",
        """CREATE TABLE fact_sales AS
           WITH lines AS (
               SELECT l.*, o.o_orderdate, o.o_custkey FROM lineitem l JOIN orders o ON o.o_orderkey = l.l_orderkey)
           SELECT year(o_orderdate) * 10000 + month(o_orderdate) * 100 + day(o_orderdate) AS date_key,
                  l_orderkey AS order_key, l_linenumber AS line_number, o_custkey AS customer_key,
                  l_partkey AS part_key, l_suppkey AS supplier_key, l_quantity AS quantity,
                  l_extendedprice - l_extendedprice * l_discount AS revenue,
                  l_quantity * (SELECT ps_supplycost FROM partsupp
                                WHERE ps_partkey = l_partkey AND ps_suppkey = l_suppkey) AS supply_cost
           FROM lines""",
    ]
    for s in statements:
        con.execute(s)
