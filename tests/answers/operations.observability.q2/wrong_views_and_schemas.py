# information_schema.tables without filters: views and other schemas are flagged too
def health_check(con):
    problems = set()
    for (t,) in con.execute("""SELECT table_name FROM information_schema.tables t
            WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND NOT EXISTS (
              SELECT 1 FROM information_schema.table_constraints c
              WHERE c.table_name = t.table_name AND c.constraint_type = 'PRIMARY KEY')"""):
        problems.add(("no_primary_key", t))
    for t, col in con.execute("""
            SELECT c.relname, a.attname FROM pg_constraint k
            JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
            WHERE k.contype = 'f' AND n.nspname = 'public'
              AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = k.conrelid AND i.indkey[0] = k.conkey[1])"""):
        problems.add(("unindexed_foreign_key", f"{t}.{col}"))
    for (s,) in con.execute("SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' "
                            "AND last_value >= 0.8 * max_value"):
        problems.add(("sequence_near_limit", s))
    return problems
