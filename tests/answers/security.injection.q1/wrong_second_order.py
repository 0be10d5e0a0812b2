from psycopg import sql


def search_products(con, user_id, term, sort_by):
    # parameters for the term, an allow-list for sort_by -- but the stored category is trusted
    if sort_by not in ("name", "price", "product_id"):
        raise ValueError(sort_by)
    category = con.execute("SELECT favourite_category FROM users WHERE user_id = %s", (user_id,)).fetchone()[0]
    pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    where = "name ILIKE %s"
    if category is not None:
        where += f" AND category = '{category}'"
    query = sql.SQL("SELECT product_id, name, price FROM products WHERE " + where + " ORDER BY {}, product_id").format(
        sql.Identifier(sort_by))
    return con.execute(query, (pattern,)).fetchall()
