# information_schema for tables and keys, pg_indexes' definitions for the leading column
import re


def health_check(con):
    problems = set()
    tables = [r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")]
    with_pk = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.table_constraints "
        "WHERE table_schema = 'public' AND constraint_type = 'PRIMARY KEY'")}
    problems |= {("no_primary_key", t) for t in tables if t not in with_pk}
    leading = {}
    for table, definition in con.execute("SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'"):
        first = re.search(r"\((.*)\)", definition).group(1).split(",")[0].strip().strip('"')
        leading.setdefault(table, set()).add(first)
    fks = con.execute("""
        SELECT tc.table_name, kcu.column_name, tc.constraint_name
        FROM information_schema.table_constraints tc
        JOIN information_schema.key_column_usage kcu
          ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
        WHERE tc.table_schema = 'public' AND tc.constraint_type = 'FOREIGN KEY'""").fetchall()
    columns_of = {}
    for table, column, name in fks:
        columns_of.setdefault((table, name), []).append(column)
    for (table, _), cols in columns_of.items():
        if len(cols) == 1 and cols[0] not in leading.get(table, set()):
            problems.add(("unindexed_foreign_key", f"{table}.{cols[0]}"))
    for name, last, top in con.execute("SELECT sequencename, last_value, max_value FROM pg_sequences WHERE schemaname = 'public'"):
        if last is not None and last >= 0.8 * top:
            problems.add(("sequence_near_limit", name))
    return problems
