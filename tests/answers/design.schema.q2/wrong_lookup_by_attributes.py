# Finds each order's customer again by matching name, e-mail and city: NULL = NULL is not true,
# so the orders of a customer whose city is unknown (and their lines) disappear.
def normalise(con):
    con.executescript("""
    CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, name TEXT, email TEXT, city TEXT);
    CREATE TABLE products (product_id INTEGER PRIMARY KEY, name TEXT, category TEXT);
    CREATE TABLE orders (order_id INTEGER PRIMARY KEY,
                         customer_id INTEGER REFERENCES customers (customer_id), order_date TEXT);
    CREATE TABLE order_items (order_id INTEGER REFERENCES orders (order_id), line_no INTEGER,
                              product_id INTEGER REFERENCES products (product_id),
                              quantity INTEGER, unit_price REAL, PRIMARY KEY (order_id, line_no));
    INSERT INTO customers SELECT DISTINCT customer_id, customer_name, customer_email, customer_city FROM order_lines;
    INSERT INTO products SELECT DISTINCT product_id, product_name, category FROM order_lines;
    INSERT INTO orders
        SELECT DISTINCT l.order_id, c.customer_id, l.order_date
        FROM order_lines AS l
        JOIN customers AS c
          ON c.name = l.customer_name AND c.email = l.customer_email AND c.city = l.customer_city;
    INSERT INTO order_items
        SELECT l.order_id, l.line_no, l.product_id, l.quantity, l.unit_price
        FROM order_lines AS l JOIN orders AS o ON o.order_id = l.order_id;
    """)
