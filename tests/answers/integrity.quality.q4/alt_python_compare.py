# Newest version per customer computed in Python first, then compared with the stored one.
def apply_batch(con, rows):
    newest = {}
    for row in rows:
        if row[0] not in newest or row[3] > newest[row[0]][3]:
            newest[row[0]] = row
    con.execute("BEGIN IMMEDIATE")
    for cid, email, city, at in newest.values():
        stored = con.execute("SELECT updated_at FROM customers WHERE customer_id = ?", (cid,)).fetchone()
        if stored is None:
            con.execute("INSERT INTO customers VALUES (?, ?, ?, ?)", (cid, email, city, at))
        elif at > stored[0]:
            con.execute("UPDATE customers SET email = ?, city = ?, updated_at = ? WHERE customer_id = ?",
                        (email, city, at, cid))
    con.execute("COMMIT")
