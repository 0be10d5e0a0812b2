import sqlite3

MASKED = {"customers": {"email", "card_number"}}
ALLOWED = {"SQLITE_SELECT", "SQLITE_READ", "SQLITE_FUNCTION"}


def run_masked(con, query):
    allowed = {getattr(sqlite3, name) for name in ALLOWED}

    def authorizer(action, arg1, arg2, db_name, source):
        if action not in allowed:
            return sqlite3.SQLITE_DENY
        if action == sqlite3.SQLITE_READ and arg2 in MASKED.get(arg1, set()):
            return sqlite3.SQLITE_IGNORE
        return sqlite3.SQLITE_OK

    con.set_authorizer(authorizer)
    try:
        cursor = con.cursor()
        cursor.execute(query)
        rows = [tuple(r) for r in cursor]
    finally:
        con.set_authorizer(None)
    return rows
