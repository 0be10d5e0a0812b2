import sqlite3


def run_masked(con, query):
    def authorizer(action, table, column, db_name, source):
        if action == sqlite3.SQLITE_READ and table == "customers" and column == "email":
            return sqlite3.SQLITE_IGNORE
        if action in (sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION):
            return sqlite3.SQLITE_OK
        return sqlite3.SQLITE_DENY

    con.set_authorizer(authorizer)
    try:
        return con.execute(query).fetchall()
    finally:
        con.set_authorizer(None)
