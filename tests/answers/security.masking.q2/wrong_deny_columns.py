import sqlite3


def run_masked(con, query):
    # DENY refuses the whole statement instead of reading the column as NULL
    def authorizer(action, table, column, db_name, source):
        if action == sqlite3.SQLITE_READ and table == "customers" and column in ("email", "card_number"):
            return sqlite3.SQLITE_DENY
        if action in (sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION):
            return sqlite3.SQLITE_OK
        return sqlite3.SQLITE_DENY

    con.set_authorizer(authorizer)
    try:
        return con.execute(query).fetchall()
    finally:
        con.set_authorizer(None)
