# Reads the current versions into Python, decides per staged row, writes with executemany;
# surrogate keys from max(key) + 1.
def load_customer_scd2(con):
    con.execute("""CREATE TABLE IF NOT EXISTS dim_customer (
        customer_key BIGINT, customer_id BIGINT, name TEXT, city TEXT, segment TEXT,
        valid_from DATE, valid_to DATE, is_current BOOLEAN)""")
    current = {r[0]: r[1:] for r in con.execute(
        "SELECT customer_id, customer_key, city, segment FROM dim_customer WHERE is_current").fetchall()}
    next_key = con.execute("SELECT coalesce(max(customer_key), 0) + 1 FROM dim_customer").fetchall()[0][0]
    staged = con.execute("SELECT customer_id, name, city, segment, extract_date FROM stg_customer").fetchall()
    renames, closes, opens = [], [], []
    for cid, name, city, segment, day in staged:
        renames.append((name, cid))
        if cid in current:
            key, old_city, old_segment = current[cid]
            if (old_city, old_segment) == (city, segment):
                continue
            closes.append((day, key))
        opens.append((next_key, cid, name, city, segment, day))
        next_key += 1
    con.execute("BEGIN")
    if renames:
        con.executemany("UPDATE dim_customer SET name = ? WHERE customer_id = ?", renames)
    if closes:
        con.executemany("UPDATE dim_customer SET valid_to = ?, is_current = false WHERE customer_key = ?", closes)
    if opens:
        con.executemany("INSERT INTO dim_customer VALUES (?, ?, ?, ?, ?, ?, NULL, true)", opens)
    con.execute("COMMIT")
