# Compares the version but does not increment it: a second user holding the same version also wins.
def update_price(con, product_id, new_price, seen_version):
    cur = con.execute("UPDATE products SET price = %s WHERE product_id = %s AND version = %s",
                      (new_price, product_id, seen_version))
    return cur.rowcount == 1
