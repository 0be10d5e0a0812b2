# "The price belongs to the product": one price per product, copied onto every line --
# the prices actually paid before or after a price change are lost.
def normalise(con):
    con.executescript("""
    CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, name TEXT, email TEXT, city TEXT);
    CREATE TABLE products (product_id INTEGER PRIMARY KEY, name TEXT, category TEXT, price REAL);
    CREATE TABLE orders (order_id INTEGER PRIMARY KEY,
                         customer_id INTEGER REFERENCES customers (customer_id), order_date TEXT);
    CREATE TABLE order_items (order_id INTEGER REFERENCES orders (order_id), line_no INTEGER,
                              product_id INTEGER REFERENCES products (product_id),
                              quantity INTEGER, unit_price REAL, PRIMARY KEY (order_id, line_no));
    INSERT INTO customers SELECT DISTINCT customer_id, customer_name, customer_email, customer_city FROM order_lines;
    INSERT INTO products
        SELECT product_id, product_name, category, max(unit_price) FROM order_lines GROUP BY product_id;
    INSERT INTO orders SELECT DISTINCT order_id, customer_id, order_date FROM order_lines;
    INSERT INTO order_items
        SELECT l.order_id, l.line_no, l.product_id, l.quantity, p.price
        FROM order_lines AS l JOIN products AS p USING (product_id);
    """)
