from psycopg import sql

ORDER_BY = {"name": sql.Identifier("name"), "price": sql.Identifier("price"), "product_id": sql.Identifier("product_id")}


def search_products(con, user_id, term, sort_by):
    if sort_by not in ORDER_BY:
        raise ValueError(f"unknown sort column {sort_by!r}")
    # strpos has no wildcards at all, and the category never leaves the database
    query = sql.SQL("""
        WITH fav AS (SELECT favourite_category AS c FROM users WHERE user_id = %(user)s)
        SELECT p.product_id, p.name, p.price
        FROM products p, fav
        WHERE strpos(lower(p.name), lower(%(term)s)) > 0
          AND (fav.c IS NULL OR p.category = fav.c)
        ORDER BY {}, p.product_id""").format(ORDER_BY[sort_by])
    return [tuple(r) for r in con.execute(query, {"user": user_id, "term": term})]
