from psycopg import sql


def search_products(con, user_id, term, sort_by):
    # sql.Identifier quotes the column name, but any existing column (supplier_cost) is accepted
    category = con.execute("SELECT favourite_category FROM users WHERE user_id = %s", (user_id,)).fetchone()[0]
    pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    query = sql.SQL("SELECT product_id, name, price FROM products WHERE name ILIKE %s "
                    "AND (%s::text IS NULL OR category = %s) ORDER BY {}, product_id").format(sql.Identifier(sort_by))
    return con.execute(query, (pattern, category, category)).fetchall()
