# `with con:` commits or rolls back -- but with isolation_level=None it never opened a transaction.
def transfer(con, from_id, to_id, amount):
    with con:
        con.execute("UPDATE accounts SET balance = balance - ? WHERE account_id = ?", (amount, from_id))
        con.execute("UPDATE accounts SET balance = balance + ? WHERE account_id = ?", (amount, to_id))
        con.execute("INSERT INTO ledger (from_id, to_id, amount) VALUES (?, ?, ?)", (from_id, to_id, amount))
