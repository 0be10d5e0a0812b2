"""dblab.perf: deterministic work counters on SQLite, PostgreSQL and DuckDB."""

import pytest

from dblab import data, perf, sandbox, show


@pytest.fixture
def lite():
    return sandbox.sqlite("sales", seed=0, customers=200, orders=2000)


def test_vm_steps_are_the_same_on_every_run(lite):
    """Are VM steps a deterministic count, and does an index cut them?"""
    q = "SELECT count(*) FROM orders WHERE customer_id = 7"
    first, rows = perf.sqlite_steps(lite.con, q)
    assert (first, rows) == perf.sqlite_steps(lite.con, q)
    lite.execute("CREATE INDEX orders_customer ON orders (customer_id)")
    assert perf.sqlite_steps(lite.con, q)[0] * 10 < first


def test_sqlite_plan_sees_a_new_index(lite):
    """Does the plan change after CREATE / DROP INDEX (no stale cached EXPLAIN)?"""
    q = "SELECT order_id FROM orders WHERE customer_id = ?"
    assert perf.sqlite_full_scans(perf.sqlite_plan(lite.con, q, (3,))) == ["orders"]
    lite.execute("CREATE INDEX orders_customer ON orders (customer_id)")
    plan = perf.sqlite_plan(lite.con, q, (3,))
    assert perf.sqlite_indexes_used(plan) == ["orders_customer"] and not perf.sqlite_full_scans(plan)
    lite.execute("DROP INDEX orders_customer")
    assert perf.sqlite_indexes_used(perf.sqlite_plan(lite.con, q, (3,))) == []


def test_sqlite_named_parameters(lite):
    steps, rows = perf.sqlite_steps(lite.con, "SELECT * FROM orders WHERE total > :t", {"t": 390})
    assert steps > 0 and rows == len(lite.sql("SELECT * FROM orders WHERE total > 390"))


def test_executemany_steps_counts_index_maintenance_and_rolls_back(lite):
    rows = [(10_000 + i, 1, "new", "web", "2025-01-01 00:00:00", 1.0) for i in range(50)]
    insert = "INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?)"
    bare = perf.executemany_steps(lite.con, insert, rows)
    lite.execute("CREATE INDEX a ON orders (status); CREATE INDEX b ON orders (channel)")
    assert perf.executemany_steps(lite.con, insert, rows) > bare
    assert lite.sql("SELECT count(*) FROM orders").rows[0][0] == 2000


def test_index_script_accepts_only_index_ddl():
    assert perf.index_script("-- why\nCREATE INDEX a ON t (x);\ndrop index b;") == ["CREATE INDEX a ON t (x);", "drop index b;"]
    assert perf.index_script("CREATE UNIQUE INDEX u ON t (x)") == ["CREATE UNIQUE INDEX u ON t (x)"]
    for bad in ["CREATE INDEX a ON t (x); DROP TABLE t;", "ATTACH 'x.db' AS x", "SELECT 1", 42]:
        with pytest.raises(ValueError):
            perf.index_script(bad)


def test_duckdb_counts_rows_and_row_groups_on_a_locked_sandbox():
    db = sandbox.duckdb()
    db.execute("CREATE TABLE t AS SELECT i, i // 1000 AS day FROM range(500000) r(i)")
    db.close()
    db.locked = True  # as in the graders: PRAGMA enable_profiling is refused here
    w = perf.measure(db, "SELECT count(*) FROM t WHERE day = 3")
    assert w.rows == 1 and w.details["row groups scanned"] == 1 and w.work < 500_000
    assert perf.measure(db, "SELECT count(*) FROM t WHERE i % 7 = 0").details["row groups scanned"] == 5


def test_duckdb_profile_shows_the_art_index_scan():
    db = sandbox.duckdb("sales", seed=0, customers=100, orders=3000)
    db.execute("CREATE INDEX oc ON orders (customer_id)")
    scans = perf.duckdb_scans(perf.duckdb_profile(db.con, "SELECT * FROM orders WHERE customer_id = 5"))
    assert scans[0]["type"] == "Index Scan"
    tree = perf.duckdb_plan_tree(perf.duckdb_profile(db.con, "SELECT sum(total) FROM orders WHERE status = 'new'"))
    assert "orders" in {node.detail for node in tree.walk()}


def test_postgres_buffers_and_rows_removed():
    pg = sandbox.postgres("sales", seed=0, customers=200, orders=5000)
    pg.execute("SET max_parallel_workers_per_gather = 0")
    q = "SELECT order_id FROM orders WHERE customer_id = 5"
    plan = perf.pg_explain(pg.con, q)
    removed = perf.pg_rows_removed(plan)
    assert removed == 5000 - len(pg.sql(q))
    pg.execute("CREATE INDEX oc ON orders (customer_id)")
    pg.execute("ANALYZE orders")
    indexed = perf.pg_explain(pg.con, q)
    assert perf.pg_buffers(indexed) < perf.pg_buffers(plan) and perf.pg_rows_removed(indexed) == 0
    assert "Seq Scan" not in [node.label for node in perf.pg_plan_tree(indexed).walk()]
    assert perf.index_names(pg, "orders") == ["oc"]


def test_pg_rows_removed_multiplies_by_loops():
    plan = {"Plan": {"Node Type": "Nested Loop", "Plans": [
        {"Node Type": "Seq Scan", "Actual Loops": 1, "Rows Removed by Filter": 10},
        {"Node Type": "Index Scan", "Actual Loops": 4, "Rows Removed by Filter": 2.5}]}}
    assert perf.pg_rows_removed(plan) == 20


def test_plan_trees_draw_as_mermaid(lite):
    diagram = show.plan_diagram(perf.sqlite_plan_tree(lite.con, "SELECT * FROM orders o JOIN customers c USING (customer_id)"))
    assert diagram.source.startswith("flowchart BT") and "SCAN" in diagram.source


def test_sales_dataset_is_seeded_and_has_edges():
    a, b = data.build("sales", seed=3, orders=100), data.build("sales", seed=3, orders=100)
    assert a[1].rows == b[1].rows and a[1].rows != data.build("sales", seed=4, orders=100)[1].rows
    edge = {t.name: t for t in data.build("sales", seed=3, customers=50, orders=100, edge=True)}
    with_orders = {r[1] for r in edge["orders"].rows}
    assert any(r[0] not in with_orders and r[2] == "Lyon" for r in edge["customers"].rows)
    assert "2024-03-31 23:59:59" in {r[4] for r in edge["orders"].rows}


def test_apply_index_script_runs_nothing_but_index_ddl(lite):
    with pytest.raises(ValueError):
        perf.apply_index_script(lite, "CREATE INDEX a ON orders (status); DELETE FROM orders")
    assert perf.apply_index_script(lite, "CREATE INDEX a ON orders (status);\n") == ["CREATE INDEX a ON orders (status);"]
    assert perf.index_names(lite, "orders") == ["a"] and lite.sql("SELECT count(*) FROM orders").rows[0][0] == 2000


def test_postgres_index_answers_run_without_superuser_powers():
    pg = sandbox.postgres("sales", seed=0, customers=10, orders=50)
    perf.apply_index_script(pg, "CREATE INDEX oc ON orders (customer_id) INCLUDE (total)")
    assert perf.index_names(pg, "orders") == ["oc"]
    # PostgreSQL reads E'\'' as one quote, SQLite's splitter as two strings: the hidden statement
    # gets through the check, and must then fail for lack of privilege
    sneaky = "CREATE INDEX s ON orders (status) WHERE status <> E'\\''; COPY (SELECT 1) TO PROGRAM 'true'; --'"
    with pytest.raises(Exception, match="(?i)permission|privilege|superuser"):
        perf.apply_index_script(pg, sneaky)
