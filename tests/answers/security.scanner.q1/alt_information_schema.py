from psycopg import sql

NOT_A_HASH = "{c} IS NOT NULL AND NOT ({c}::text LIKE 'scrypt$%' OR {c}::text LIKE '$argon2%')"


def scan(con):
    q = lambda text, *args: [tuple(r) for r in con.execute(text, args or None)]  # noqa: E731
    findings = []
    findings += [("public_grant", t) for (t,) in q(
        "SELECT DISTINCT table_name FROM information_schema.table_privileges WHERE table_schema = 'public' AND grantee = 'PUBLIC'")]
    findings += [("no_rls", t) for (t,) in q(
        """SELECT c.table_name FROM information_schema.columns c JOIN pg_class k ON k.oid = ('public.' || quote_ident(c.table_name))::regclass
           WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND k.relkind = 'r' AND NOT k.relrowsecurity""")]
    for name, config in q("""SELECT p.proname, p.proconfig FROM pg_proc p
                             WHERE p.pronamespace = 'public'::regnamespace AND p.prosecdef"""):
        if not any(s.startswith("search_path=") for s in (config or [])):
            findings.append(("definer_search_path", name))
    for table, column in q("SELECT table_name, column_name FROM information_schema.columns "
                           "WHERE table_schema = 'public' AND strpos(column_name, 'password') > 0"):
        check = sql.SQL("SELECT count(*) FROM {t} WHERE " + NOT_A_HASH).format(t=sql.Identifier(table), c=sql.Identifier(column))
        if con.execute(check).fetchone()[0] > 0:
            findings.append(("plaintext_password", table + "." + column))
    findings += [("public_schema_create", s) for (s,) in q(
        """SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
           AND has_schema_privilege('public', oid, 'CREATE')""")]
    return set(findings)
