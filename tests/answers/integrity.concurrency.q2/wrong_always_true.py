# Does the right UPDATE but never looks at how many rows it changed.
def update_price(con, product_id, new_price, seen_version):
    con.execute("UPDATE products SET price = %s, version = version + 1 WHERE product_id = %s AND version = %s",
                (new_price, product_id, seen_version))
    return True
