import sqlite3


def run_masked(con, query):
    # masks the columns but lets every other action through
    def authorizer(action, table, column, db_name, source):
        if action == sqlite3.SQLITE_READ and table == "customers" and column in ("email", "card_number"):
            return sqlite3.SQLITE_IGNORE
        return sqlite3.SQLITE_OK

    con.set_authorizer(authorizer)
    try:
        return con.execute(query).fetchall()
    finally:
        con.set_authorizer(None)
