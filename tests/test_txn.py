"""The schedule runner: fixed interleavings give the same outcome every time."""

import sqlite3

import duckdb
import pytest

from dblab import sandbox, txn


@pytest.fixture(scope="module")
def pg():
    db = sandbox.postgres()
    yield db
    db.close()


@pytest.fixture
def counter(pg):
    pg.execute("DROP TABLE IF EXISTS t; CREATE TABLE t (id int PRIMARY KEY, v int); INSERT INTO t VALUES (1, 0), (2, 0)")
    with txn.sessions(pg.location, "A", "B") as s:
        yield s
        txn.reset(s)


def test_a_writer_waits_for_the_first_and_then_sees_its_commit(counter):
    r = txn.run_schedule(counter, [
        ("A", "BEGIN"), ("A", "UPDATE t SET v = v + 1 WHERE id = 1"),
        ("B", "UPDATE t SET v = v + 10 WHERE id = 1"),
        ("A", "COMMIT"), ("B", "SELECT v FROM t WHERE id = 1"),
    ])
    assert r[2].blocked and r[2].ok and r[2].finished_after == 3
    assert r[4].rows == [(11,)]


def test_steps_of_a_waiting_session_are_queued_behind_it(counter):
    r = txn.run_schedule(counter, [
        ("A", "BEGIN"), ("A", "UPDATE t SET v = 1 WHERE id = 1"),
        ("B", "BEGIN"), ("B", "UPDATE t SET v = 2 WHERE id = 1"), ("B", "COMMIT"),
        ("A", "COMMIT"), ("A", "SELECT v FROM t WHERE id = 1"),
    ])
    assert r[3].blocked and r[4].ok and r[4].finished_after == 5
    assert r[6].rows == [(2,)]


def test_lost_update_is_refused_at_repeatable_read(counter):
    r = txn.run_schedule(counter, [
        ("A", "BEGIN ISOLATION LEVEL REPEATABLE READ"), ("A", "SELECT v FROM t WHERE id = 1"),
        ("B", "UPDATE t SET v = 100 WHERE id = 1"),
        ("A", "UPDATE t SET v = v + 1 WHERE id = 1"), ("A", "COMMIT"),
    ])
    assert r[3].sqlstate == "40001"
    assert "rolled back" in r[4].outcome


def test_a_deadlock_has_a_deterministic_victim(counter):
    for _ in range(3):
        r = txn.run_schedule(counter, [
            ("A", "BEGIN"), ("A", "UPDATE t SET v = 5 WHERE id = 1"),
            ("B", "BEGIN"), ("B", "UPDATE t SET v = 6 WHERE id = 2"),
            ("A", "UPDATE t SET v = 7 WHERE id = 2"), ("B", "UPDATE t SET v = 8 WHERE id = 1"),
            ("A", "COMMIT"), ("B", "ROLLBACK"),
        ])
        assert r.sqlstates() == ["40P01"] and r[5].session == "B"
        assert r[4].ok and r[4].finished_after == 5


def test_a_step_never_released_is_reported_not_hung(counter):
    r = txn.run_schedule(counter, [("A", "BEGIN"), ("A", "UPDATE t SET v = 5 WHERE id = 1"),
                                   ("B", "UPDATE t SET v = 6 WHERE id = 1")])
    assert r[2].finished_after is None and r[2].error == "NeverUnblocked"


def test_sqlite_refuses_a_second_writer_at_once(tmp_path):
    path = tmp_path / "x.db"
    cons = {n: sqlite3.connect(path, isolation_level=None, timeout=0) for n in "AB"}
    cons["A"].execute("CREATE TABLE t (v int)")
    r = txn.run_schedule(cons, [("A", "BEGIN IMMEDIATE"), ("A", "INSERT INTO t VALUES (1)"),
                                ("B", "BEGIN IMMEDIATE"), ("A", "COMMIT")])
    assert r[2].error == "OperationalError" and "locked" in r[2].message and r[3].ok


def test_duckdb_first_writer_wins():
    main = duckdb.connect()
    main.execute("CREATE TABLE t (id INT PRIMARY KEY, v INT); INSERT INTO t VALUES (1, 0)")
    cons = {"A": main.cursor(), "B": main.cursor()}
    r = txn.run_schedule(cons, [("A", "BEGIN"), ("B", "BEGIN"), ("A", "UPDATE t SET v = 1 WHERE id = 1"),
                                ("B", "UPDATE t SET v = 2 WHERE id = 1"), ("A", "COMMIT"), ("B", "COMMIT")])
    assert r[3].error == "TransactionException" and r[4].ok


def test_interleavings_keep_each_transaction_in_order():
    merged = list(txn.interleavings(txn.steps_of("A", "a1", "a2"), txn.steps_of("B", "b1", "b2")))
    assert len(merged) == 6 and len({tuple(m) for m in merged}) == 6
    for m in merged:
        assert [s for s in m if s[0] == "A"] == [("A", "a1"), ("A", "a2")]


def test_as_learner_owns_the_data_without_superuser_rights(pg):
    pg.execute("DROP TABLE IF EXISTS notes; CREATE TABLE notes (id serial PRIMARY KEY, body text)")
    learner = txn.as_learner(pg)
    learner.execute("INSERT INTO notes (body) VALUES ('mine')")
    assert learner.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").rows == [(False,)]
    with pytest.raises(Exception, match="permission denied|must be superuser"):
        learner.execute("COPY notes TO PROGRAM 'true'")
    learner.close()


def test_customer_feed_is_seeded_and_has_duplicates():
    from dblab import data

    first = data.build("customer_feed", seed=3, edge=True)[0].rows
    assert first == data.build("customer_feed", seed=3, edge=True)[0].rows
    assert len(first) > len(set(first))  # some versions were delivered twice
    assert any(r[3] is None for r in first)
