# contract in the same deploy as expand: version 1 breaks at once
def expand(con):
    con.execute("ALTER TABLE customers RENAME COLUMN name TO full_name")
