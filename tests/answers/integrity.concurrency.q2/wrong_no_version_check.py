# Last writer wins: the version is incremented but never compared.
def update_price(con, product_id, new_price, seen_version):
    cur = con.execute("UPDATE products SET price = %s, version = version + 1 WHERE product_id = %s",
                      (new_price, product_id))
    return cur.rowcount == 1
