# INSERT OR REPLACE: the last batch applied wins, even when it is older.
def apply_batch(con, rows):
    con.executemany("INSERT OR REPLACE INTO customers (customer_id, email, city, updated_at) VALUES (?, ?, ?, ?)", rows)
