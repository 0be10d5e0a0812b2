# A savepoint (which opens a transaction in autocommit mode), the ledger row first, and a
# check in Python before touching anything.
import sqlite3


def transfer(con, from_id, to_id, amount):
    if amount <= 0:
        raise ValueError("the amount must be positive")
    con.execute("SAVEPOINT transfer")
    try:
        con.execute("INSERT INTO ledger (from_id, to_id, amount) VALUES (?, ?, ?)", (from_id, to_id, amount))
        for account, delta in ((to_id, amount), (from_id, -amount)):
            cur = con.execute("UPDATE accounts SET balance = balance + ? WHERE account_id = ?", (delta, account))
            if cur.rowcount != 1:
                raise LookupError(f"no account {account}")
    except (sqlite3.Error, LookupError):
        con.execute("ROLLBACK TO transfer")
        con.execute("RELEASE transfer")
        raise
    con.execute("RELEASE transfer")
