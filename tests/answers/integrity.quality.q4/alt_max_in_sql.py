# Upsert row by row, with the newest of stored and incoming chosen by a CASE on each column.
def apply_batch(con, rows):
    for row in rows:
        con.execute("""
            INSERT INTO customers (customer_id, email, city, updated_at) VALUES (?1, ?2, ?3, ?4)
            ON CONFLICT (customer_id) DO UPDATE SET
                email      = CASE WHEN excluded.updated_at > updated_at THEN excluded.email ELSE email END,
                city       = CASE WHEN excluded.updated_at > updated_at THEN excluded.city ELSE city END,
                updated_at = max(updated_at, excluded.updated_at)""", row)
