# Reads the export once in Python, keeps one tuple per key, writes with executemany;
# table-level keys and another column order.
def normalise(con):
    customers, products, orders, items = {}, {}, {}, []
    rows = con.execute(
        "SELECT order_id, order_date, customer_id, customer_name, customer_email, customer_city, "
        "line_no, product_id, product_name, category, unit_price, quantity FROM order_lines").fetchall()
    for oid, odate, cid, cname, cemail, ccity, line, pid, pname, cat, price, qty in rows:
        customers[cid] = (cname, ccity, cemail, cid)
        products[pid] = (cat, pname, pid)
        orders[oid] = (odate, cid, oid)
        items.append((qty, price, pid, line, oid))
    con.executescript("""
    CREATE TABLE customers (name TEXT, city TEXT, email TEXT, customer_id INTEGER NOT NULL,
                            PRIMARY KEY (customer_id));
    CREATE TABLE products (category TEXT, name TEXT, product_id INTEGER NOT NULL, PRIMARY KEY (product_id));
    CREATE TABLE orders (order_date TEXT, customer_id INTEGER NOT NULL, order_id INTEGER NOT NULL,
                         PRIMARY KEY (order_id), FOREIGN KEY (customer_id) REFERENCES customers);
    CREATE TABLE order_items (quantity INTEGER, unit_price REAL, product_id INTEGER NOT NULL,
                              line_no INTEGER NOT NULL, order_id INTEGER NOT NULL,
                              PRIMARY KEY (order_id, line_no),
                              FOREIGN KEY (order_id) REFERENCES orders,
                              FOREIGN KEY (product_id) REFERENCES products);
    """)
    with con:
        con.executemany("INSERT INTO customers (name, city, email, customer_id) VALUES (?, ?, ?, ?)", list(customers.values()))
        con.executemany("INSERT INTO products (category, name, product_id) VALUES (?, ?, ?)", list(products.values()))
        con.executemany("INSERT INTO orders (order_date, customer_id, order_id) VALUES (?, ?, ?)", list(orders.values()))
        con.executemany("INSERT INTO order_items (quantity, unit_price, product_id, line_no, order_id) "
                        "VALUES (?, ?, ?, ?, ?)", items)
