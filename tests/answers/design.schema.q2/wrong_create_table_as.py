# CREATE TABLE ... AS SELECT copies the rows but declares no key at all.
def normalise(con):
    con.executescript("""
    CREATE TABLE customers AS
        SELECT DISTINCT customer_id, customer_name AS name, customer_email AS email, customer_city AS city FROM order_lines;
    CREATE TABLE products AS SELECT DISTINCT product_id, product_name AS name, category FROM order_lines;
    CREATE TABLE orders AS SELECT DISTINCT order_id, customer_id, order_date FROM order_lines;
    CREATE TABLE order_items AS SELECT order_id, line_no, product_id, quantity, unit_price FROM order_lines;
    """)
