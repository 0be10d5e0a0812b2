# one insert trigger fills whichever column is missing; rowid instead of the key
def expand(con):
    con.execute("ALTER TABLE customers ADD COLUMN full_name TEXT")
    con.execute("UPDATE customers SET full_name = name")
    con.execute("""
    CREATE TRIGGER sync_insert AFTER INSERT ON customers BEGIN
        UPDATE customers SET full_name = coalesce(NEW.full_name, NEW.name),
                             name = coalesce(NEW.name, NEW.full_name)
         WHERE rowid = NEW.rowid;
    END""")
    con.execute("""
    CREATE TRIGGER sync_name AFTER UPDATE OF name ON customers WHEN NEW.name IS NOT NEW.full_name BEGIN
        UPDATE customers SET full_name = NEW.name WHERE rowid = NEW.rowid;
    END""")
    con.execute("""
    CREATE TRIGGER sync_full_name AFTER UPDATE OF full_name ON customers WHEN NEW.full_name IS NOT NEW.name BEGIN
        UPDATE customers SET name = NEW.full_name WHERE rowid = NEW.rowid;
    END""")
