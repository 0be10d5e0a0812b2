# Keys the lines by (order_id, product_id) and drops line_no: the line numbers are lost.
def normalise(con):
    con.executescript("""
    CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, name TEXT, email TEXT, city TEXT);
    CREATE TABLE products (product_id INTEGER PRIMARY KEY, name TEXT, category TEXT);
    CREATE TABLE orders (order_id INTEGER PRIMARY KEY,
                         customer_id INTEGER REFERENCES customers (customer_id), order_date TEXT);
    CREATE TABLE order_items (order_id INTEGER REFERENCES orders (order_id),
                              product_id INTEGER REFERENCES products (product_id),
                              quantity INTEGER, unit_price REAL, PRIMARY KEY (order_id, product_id));
    INSERT INTO customers SELECT DISTINCT customer_id, customer_name, customer_email, customer_city FROM order_lines;
    INSERT INTO products SELECT DISTINCT product_id, product_name, category FROM order_lines;
    INSERT INTO orders SELECT DISTINCT order_id, customer_id, order_date FROM order_lines;
    INSERT INTO order_items SELECT order_id, product_id, quantity, unit_price FROM order_lines;
    """)
