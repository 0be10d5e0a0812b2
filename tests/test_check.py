"""Do the comparisons follow their declared contract, and do they keep hidden data hidden?"""

import pytest

from dblab import check, sandbox
from dblab.check import AuthoringError, CheckFailed, Contract
from dblab.sandbox import Result

EXPECTED = Result(["id", "total"], [(1, 10.0), (2, None), (3, 2.5)])


def test_bag_ignores_order_and_column_order():
    check.compare(Result(["total", "id"], [(2.5, 3), (10.0, 1), (None, 2)]), EXPECTED)


def test_ordered_contract_rejects_a_shuffle():
    with pytest.raises(CheckFailed, match="wrong order"):
        check.compare(Result(["id", "total"], [(2, None), (1, 10.0), (3, 2.5)]), EXPECTED, check.ORDERED)


def test_null_is_not_zero():
    with pytest.raises(CheckFailed, match="NULL"):
        check.compare(Result(["id", "total"], [(1, 10.0), (2, 0), (3, 2.5)]), EXPECTED)


def test_duplicates_count_in_a_bag():
    with pytest.raises(CheckFailed, match="duplicate"):
        check.compare(Result(["id", "total"], [(1, 10.0), (2, None), (3, 2.5), (3, 2.5)]), EXPECTED)


def test_float_tolerance_and_numeric_types():
    import decimal

    check.compare(Result(["id", "total"], [(1, decimal.Decimal("10.0000001")), (2, None), (3, 2.5)]), EXPECTED)
    with pytest.raises(CheckFailed):
        check.compare(Result(["id", "total"], [(1, 10.1), (2, None), (3, 2.5)]), EXPECTED)


def test_columns_by_name_vs_position():
    renamed = Result(["a", "b"], EXPECTED.rows)
    with pytest.raises(CheckFailed, match="missing column"):
        check.compare(renamed, EXPECTED)
    check.compare(renamed, EXPECTED, Contract(columns="positions"))


def test_hidden_messages_do_not_show_rows():
    with check.hidden(), pytest.raises(CheckFailed) as err:
        check.compare(Result(["id", "total"], [(1, 11.0), (2, None), (3, 2.5)]), EXPECTED)
    assert "hidden" in str(err.value) and "11.0" not in str(err.value) and "10.0" not in str(err.value)


def test_visible_messages_show_the_difference():
    with pytest.raises(CheckFailed) as err:
        check.compare(Result(["id", "total"], [(1, 11.0), (2, None), (3, 2.5)]), EXPECTED)
    assert "11.0" in str(err.value)


def test_reference_that_depends_on_ties_is_an_authoring_error(engine):
    db = sandbox.new(engine)
    db.execute("CREATE TABLE s (name TEXT, score INTEGER)")
    db.execute("INSERT INTO s VALUES ('a', 3), ('b', 2), ('c', 2), ('d', 1)")
    with pytest.raises(AuthoringError, match="tie"):
        check.same_result(db, "SELECT name FROM s", "SELECT name FROM s ORDER BY score DESC LIMIT 2")
    check.same_result(db, "SELECT name FROM s WHERE score > 1 AND name < 'c'",
                      "SELECT name FROM s ORDER BY score DESC, name LIMIT 2")


def test_probe_tells_constraint_errors_from_typos():
    db = sandbox.sqlite()
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, qty INTEGER CHECK (qty > 0))")
    check.probe(db, accept={"positive": "INSERT INTO t VALUES (1, 5)"}, reject={"negative": "INSERT INTO t VALUES (2, -1)"})
    with pytest.raises(CheckFailed, match="another reason"):
        check.probe(db, reject={"typo": "INSERT INTO nosuch VALUES (1)"})
    with pytest.raises(CheckFailed, match="was accepted"):
        check.probe(db, reject={"zero allowed?": "INSERT INTO t VALUES (3, 1)"})
    assert db.sql("SELECT count(*) FROM t").rows == [(0,)]  # probes leave nothing behind


def test_answer_query_cannot_change_the_database():
    db = sandbox.sqlite("shop", seed=1)
    check.run_answer(db, "DELETE FROM order_items RETURNING order_id")
    assert db.sql("SELECT count(*) FROM order_items").rows[0][0] > 0


def test_wrong_answer_query_reports_the_engine_error():
    db = sandbox.duckdb("shop", seed=1)
    with pytest.raises(CheckFailed, match="failed on duckdb"):
        check.same_result(db, "SELECT nosuch FROM orders", "SELECT order_id FROM orders")
