# only version 1's writes are copied: a customer inserted by version 2 has no name
def expand(con):
    con.executescript("""
    ALTER TABLE customers ADD COLUMN full_name TEXT;
    UPDATE customers SET full_name = name;
    CREATE TRIGGER v1_insert AFTER INSERT ON customers BEGIN
        UPDATE customers SET full_name = NEW.name WHERE customer_id = NEW.customer_id;
    END;
    CREATE TRIGGER v1_update AFTER UPDATE OF name ON customers BEGIN
        UPDATE customers SET full_name = NEW.name WHERE customer_id = NEW.customer_id;
    END;
    """)
