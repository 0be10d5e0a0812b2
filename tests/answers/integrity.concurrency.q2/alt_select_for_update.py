# Pessimistic inside, optimistic outside: lock the row, compare in Python, write, commit.
def update_price(con, product_id, new_price, seen_version):
    with con.transaction():
        row = con.execute("SELECT version FROM products WHERE product_id = %s FOR UPDATE", (product_id,)).fetchone()
        if row is None or row[0] != seen_version:
            return False
        con.execute("UPDATE products SET price = %s, version = %s WHERE product_id = %s",
                    (new_price, seen_version + 1, product_id))
    return True
