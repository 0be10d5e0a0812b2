from psycopg import sql


def search_products(con, user_id, term, sort_by):
    # every value is a parameter, but % and _ in the term still act as wildcards
    if sort_by not in ("name", "price", "product_id"):
        raise ValueError(sort_by)
    category = con.execute("SELECT favourite_category FROM users WHERE user_id = %s", (user_id,)).fetchone()[0]
    query = sql.SQL("SELECT product_id, name, price FROM products WHERE name ILIKE %s "
                    "AND (%s::text IS NULL OR category = %s) ORDER BY {}, product_id").format(sql.Identifier(sort_by))
    return con.execute(query, ("%" + term + "%", category, category)).fetchall()
