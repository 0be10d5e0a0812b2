"""Do the three engines give fresh, seeded, file-backed databases that another process can open?"""

import subprocess
import sys

import pytest

from dblab import sandbox
from dblab.sandbox import QueryTimeout, Sandbox


def test_same_seed_same_rows(engine):
    a = sandbox.new(engine, "shop", seed=3)
    b = sandbox.new(engine, "shop", seed=3)
    q = "SELECT count(*), sum(quantity * unit_price) FROM order_items"
    assert a.sql(q).rows == b.sql(q).rows


def test_other_seed_other_rows(engine):
    q = "SELECT sum(quantity) FROM order_items"
    assert sandbox.new(engine, "shop", seed=1).sql(q).rows != sandbox.new(engine, "shop", seed=2).sql(q).rows


def test_query_rolled_back_leaves_no_trace(engine):
    db = sandbox.new(engine, "shop", seed=1)
    db.query_rolled_back("DELETE FROM order_items")
    assert db.sql("SELECT count(*) FROM order_items").rows[0][0] > 0


def test_handle_opens_the_same_database_in_another_process(engine):
    db = sandbox.new(engine, "org", seed=1)
    db.close()
    code = (
        "import json,sys; from dblab.sandbox import Sandbox; "
        "db = Sandbox.from_handle(json.loads(sys.argv[1])); "
        "db.execute('UPDATE employees SET salary = 1 WHERE emp_id > 10'); db.close()"
    )
    import json

    subprocess.run([sys.executable, "-c", code, json.dumps(db.handle())], check=True)
    assert db.sql("SELECT count(*) FROM employees WHERE salary > 1").rows == [(10,)]


def test_endless_query_is_interrupted(engine):
    db = sandbox.new(engine)
    endless = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r"
    with pytest.raises(QueryTimeout):
        db.sql(endless, timeout=0.5)


def test_locked_duckdb_cannot_read_files(tmp_path):
    (tmp_path / "secret.csv").write_text("a\n1\n")
    db = sandbox.duckdb(locked=True)
    with pytest.raises(Exception, match="disabled by configuration"):
        db.sql(f"SELECT * FROM read_csv('{tmp_path / 'secret.csv'}')")


def test_postgres_is_a_real_server():
    db = sandbox.postgres()
    assert db.sql("SHOW server_version").rows[0][0].startswith("18")
    assert isinstance(db, Sandbox) and db.engine == "postgres"
