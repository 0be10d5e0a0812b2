# No transaction: in autocommit mode the debit is committed before the credit fails.
def transfer(con, from_id, to_id, amount):
    con.execute("UPDATE accounts SET balance = balance - ? WHERE account_id = ?", (amount, from_id))
    con.execute("UPDATE accounts SET balance = balance + ? WHERE account_id = ?", (amount, to_id))
    con.execute("INSERT INTO ledger (from_id, to_id, amount) VALUES (?, ?, ?)", (from_id, to_id, amount))
