# INSERT OR IGNORE: the first version ever seen stays for good.
def apply_batch(con, rows):
    con.executemany("INSERT OR IGNORE INTO customers (customer_id, email, city, updated_at) VALUES (?, ?, ?, ?)", rows)
