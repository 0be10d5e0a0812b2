"""dblab.ops: the migration runner, fingerprints, type mapping, and a real point-in-time recovery."""

import datetime as dt
import decimal

import pytest

from dblab import ops, sandbox
from dblab.data_operations import growth_series, latency_series

MIGRATIONS = [
    ops.Migration(1, "reviews", "CREATE TABLE reviews (id INTEGER PRIMARY KEY, stars INTEGER)", "DROP TABLE reviews"),
    ops.Migration(2, "review body", "ALTER TABLE reviews ADD COLUMN body TEXT", "ALTER TABLE reviews DROP COLUMN body"),
]


@pytest.fixture
def shop():
    return sandbox.sqlite("shop", seed=0)


def test_migrate_applies_each_version_once(shop):
    assert ops.migrate(shop.con, MIGRATIONS) == [1, 2]
    assert ops.migrate(shop.con, MIGRATIONS) == []
    assert sorted(ops.applied(shop.con)) == [1, 2]


def test_migrate_stops_at_target_and_rollback_undoes(shop):
    assert ops.migrate(shop.con, MIGRATIONS, target=1) == [1]
    assert [c[0] for c in shop.columns("reviews")] == ["id", "stars"]
    ops.migrate(shop.con, MIGRATIONS)
    assert ops.rollback(shop.con, MIGRATIONS, target=0) == [2, 1]
    assert "reviews" not in shop.tables()


def test_failed_migration_leaves_no_trace(shop):
    bad = ops.Migration(3, "bad", "CREATE TABLE half (x INTEGER); CREATE UNIQUE INDEX u ON customers (city)")
    with pytest.raises(ops.MigrationError, match="rolled back"):
        ops.migrate(shop.con, MIGRATIONS + [bad])
    assert "half" not in shop.tables()
    assert sorted(ops.applied(shop.con)) == [1, 2]


def test_edited_migration_is_refused(shop):
    ops.migrate(shop.con, MIGRATIONS)
    edited = [MIGRATIONS[0], ops.Migration(2, "review body", "ALTER TABLE reviews ADD COLUMN body BLOB")]
    with pytest.raises(ops.MigrationError, match="changed"):
        ops.migrate(shop.con, edited)


def test_rollback_without_down_script_is_refused(shop):
    one_way = [ops.Migration(1, "drop", "DROP TABLE order_items")]
    ops.migrate(shop.con, one_way)
    with pytest.raises(ops.MigrationError, match="no down script"):
        ops.rollback(shop.con, one_way, target=0)


def test_fingerprint_equates_faithful_conversions_only():
    same = ops.column_fingerprint([3, 4.5, dt.date(2024, 3, 1), None])
    assert same == ops.column_fingerprint([decimal.Decimal("4.50"), 3.0, None, "2024-03-01"])
    assert same != ops.column_fingerprint([3, 4.5, "2024-03-01", ""])
    assert ops.column_fingerprint([1, 1, 2]) != ops.column_fingerprint([1, 2, 2])


def test_postgres_type_follows_sqlite_affinity():
    assert ops.postgres_type("INTEGER") == "BIGINT"
    assert ops.postgres_type("VARCHAR(20)") == "TEXT"
    assert ops.postgres_type("DOUBLE") == "DOUBLE PRECISION"
    assert ops.postgres_type("BIGINT UNSIGNED") == "BIGINT"


def test_lsn_to_int_orders_positions():
    assert ops.lsn_to_int("0/A000000") > ops.lsn_to_int("0/9FFFFFF")
    assert ops.lsn_to_int("1/0") == 1 << 32


def test_series_plant_what_they_report():
    values, spikes = latency_series(seed=1, points=720, spikes=6)
    assert len(values) == 720 and len(spikes) >= 6
    assert all(values[i] > 2 * min(values[max(0, i - 30):i + 30]) for i in spikes)
    measured, truth = growth_series(seed=1, days=60, missing=0.5)
    assert measured[0][0] == 0 and measured[-1][0] == 59 and len(measured) < 60
    assert truth(120) > truth(60) > truth(0)


def test_point_in_time_recovery_to_an_lsn():
    with ops.PgCluster(archive=True) as primary:
        backup = ops.base_backup(primary)
        primary.sql("CREATE TABLE t (id int)")
        primary.sql("INSERT INTO t SELECT generate_series(1, 10)")
        before = primary.sql("SELECT pg_current_wal_insert_lsn()::text")[0][0]
        primary.sql("DELETE FROM t")
        primary.wait_for_archive()
        restored = ops.restore(backup, primary.archive_dir, target_lsn=before, inclusive=False)
        try:
            assert restored.sql("SELECT count(*) FROM t") == [(10,)]
        finally:
            restored.remove()
