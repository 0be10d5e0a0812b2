# One row per key with GROUP BY and min(): the same values, since the dependencies hold
# (min() of a column that is NULL on every row of a group is NULL).
def normalise(con):
    for statement in [
        "CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, name TEXT, email TEXT, city TEXT)",
        "CREATE TABLE products (product_id INTEGER PRIMARY KEY, name TEXT, category TEXT)",
        "CREATE TABLE orders (order_id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers, order_date TEXT)",
        """CREATE TABLE order_items (
               order_id INTEGER REFERENCES orders, line_no INTEGER,
               product_id INTEGER REFERENCES products, quantity INTEGER, unit_price REAL,
               PRIMARY KEY (order_id, line_no))""",
        """INSERT INTO customers
           SELECT customer_id, min(customer_name), min(customer_email), min(customer_city)
           FROM order_lines GROUP BY customer_id""",
        "INSERT INTO products SELECT product_id, min(product_name), min(category) FROM order_lines GROUP BY product_id",
        "INSERT INTO orders SELECT order_id, min(customer_id), min(order_date) FROM order_lines GROUP BY order_id",
        "INSERT INTO order_items SELECT order_id, line_no, product_id, quantity, unit_price FROM order_lines",
    ]:
        con.execute(statement)
