# Joins partsupp on the part alone: each line is repeated once per supplier of its part.
def build_star(con):
    con.execute("""
    CREATE TABLE dim_date AS
    SELECT CAST(strftime(d, '%Y%m%d') AS INTEGER) AS date_key, CAST(d AS DATE) AS full_date,
           year(d) AS year, quarter(d) AS quarter, month(d) AS month
    FROM range((SELECT min(o_orderdate) FROM orders),
               (SELECT max(o_orderdate) FROM orders) + 1, INTERVAL 1 DAY) AS t(d);

    CREATE TABLE dim_customer AS
    SELECT c_custkey AS customer_key, c_name AS customer_name, c_mktsegment AS segment,
           n_name AS nation, r_name AS region
    FROM customer
    JOIN nation ON n_nationkey = c_nationkey
    JOIN region ON r_regionkey = n_regionkey;

    CREATE TABLE dim_supplier AS
    SELECT s_suppkey AS supplier_key, n_name AS nation, r_name AS region
    FROM supplier
    JOIN nation ON n_nationkey = s_nationkey
    JOIN region ON r_regionkey = n_regionkey;

    CREATE TABLE dim_part AS
    SELECT p_partkey AS part_key, p_brand AS brand, p_type AS type FROM part;

    CREATE TABLE fact_sales AS
    SELECT l_orderkey AS order_key, l_linenumber AS line_number,
           CAST(strftime(o_orderdate, '%Y%m%d') AS INTEGER) AS date_key,
           o_custkey AS customer_key, l_suppkey AS supplier_key, l_partkey AS part_key,
           l_quantity AS quantity,
           l_extendedprice * (1 - l_discount) AS revenue,
           ps_supplycost * l_quantity AS supply_cost
    FROM lineitem
    JOIN orders   ON o_orderkey = l_orderkey
    JOIN partsupp ON ps_partkey = l_partkey;
    """)
