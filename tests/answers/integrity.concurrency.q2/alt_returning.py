# UPDATE ... RETURNING: a row comes back only if the version matched.
def update_price(con, product_id, new_price, seen_version):
    saved = con.execute(
        "UPDATE products SET version = version + 1, price = %(p)s "
        "WHERE product_id = %(id)s AND version = %(v)s RETURNING version",
        {"p": new_price, "id": product_id, "v": seen_version}).fetchall()
    return len(saved) > 0
