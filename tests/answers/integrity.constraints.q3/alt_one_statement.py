# Both balances in one UPDATE (a statement is atomic by itself), then the ledger, in one transaction.
def transfer(con, from_id, to_id, amount):
    con.execute("BEGIN IMMEDIATE")
    ok = False
    try:
        con.execute("""UPDATE accounts
                       SET balance = balance + CASE account_id WHEN ? THEN -? ELSE ? END
                       WHERE account_id IN (?, ?)""", (from_id, amount, amount, from_id, to_id))
        con.execute("INSERT INTO ledger (from_id, to_id, amount) VALUES (?, ?, ?)", (from_id, to_id, amount))
        ok = True
    finally:
        con.execute("COMMIT" if ok else "ROLLBACK")
