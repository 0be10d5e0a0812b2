def scan(con):
    found = set()
    for (t,) in con.execute("""SELECT DISTINCT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
                               aclexplode(c.relacl) a WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.grantee = 0"""):
        found.add(("public_grant", t))
    for (t,) in con.execute("""SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                               WHERE n.nspname = 'public' AND c.relkind = 'r' AND NOT c.relrowsecurity
                                 AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id')"""):
        found.add(("no_rls", t))
    # every SECURITY DEFINER function is reported, even those with a pinned search_path
    for (f,) in con.execute("""SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                               WHERE n.nspname = 'public' AND p.prosecdef"""):
        found.add(("definer_search_path", f))
    for t, c in con.execute("""SELECT table_name, column_name FROM information_schema.columns
                               WHERE table_schema = 'public' AND column_name LIKE '%password%'""").fetchall():
        bad = con.execute(f'SELECT count(*) FROM "{t}" WHERE "{c}" NOT LIKE \'scrypt$%%\' AND "{c}" NOT LIKE \'$argon2%%\'').fetchone()[0]
        if bad:
            found.add(("plaintext_password", f"{t}.{c}"))
    for (s,) in con.execute("""SELECT n.nspname FROM pg_namespace n, aclexplode(n.nspacl) a
                               WHERE a.grantee = 0 AND a.privilege_type = 'CREATE'"""):
        found.add(("public_schema_create", s))
    return found
