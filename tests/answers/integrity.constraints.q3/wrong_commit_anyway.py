# Opens a transaction, but on an error commits what succeeded and reports nothing:
# SQLite undid only the failing statement, so the half-done transfer is committed.
def transfer(con, from_id, to_id, amount):
    con.execute("BEGIN")
    try:
        con.execute("UPDATE accounts SET balance = balance - ? WHERE account_id = ?", (amount, from_id))
        con.execute("UPDATE accounts SET balance = balance + ? WHERE account_id = ?", (amount, to_id))
        con.execute("INSERT INTO ledger (from_id, to_id, amount) VALUES (?, ?, ?)", (from_id, to_id, amount))
    except Exception as exc:
        print("transfer failed:", exc)
    finally:
        con.execute("COMMIT")
