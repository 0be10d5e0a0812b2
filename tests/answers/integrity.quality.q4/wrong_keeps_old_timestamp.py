# Takes the newer email and city but keeps the stored updated_at: a later, older version then
# compares against the stale timestamp and overwrites the newest data.
def apply_batch(con, rows):
    con.executemany("""
        INSERT INTO customers (customer_id, email, city, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (customer_id) DO UPDATE SET email = excluded.email, city = excluded.city
        WHERE excluded.updated_at > customers.updated_at""", rows)
