# the column is added and backfilled, but later writes by either version are not copied
def expand(con):
    con.executescript("""
    ALTER TABLE customers ADD COLUMN full_name TEXT;
    UPDATE customers SET full_name = name;
    """)
