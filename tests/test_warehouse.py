"""dblab.warehouse: TPC-H on demand, the star, row-group counts, seeded change batches."""

import datetime as dt

import duckdb
import pytest

from dblab import sandbox, warehouse


@pytest.fixture(scope="module")
def tpch():
    return warehouse.tpch_sandbox(0.01)


def test_tpch_dir_holds_one_parquet_file_per_table():
    folder = warehouse.tpch_dir(0.01)
    assert sorted(p.stem for p in folder.glob("*.parquet")) == sorted(warehouse.TPCH_TABLES)


def test_locked_tpch_sandbox_has_the_tables_but_cannot_read_files():
    db = warehouse.tpch_sandbox(0.01, tables=("nation",), locked=True)
    assert db.sql("SELECT count(*) FROM nation").rows == [(25,)]
    lineitem = warehouse.tpch_dir(0.01) / "lineitem.parquet"
    with pytest.raises(duckdb.Error):
        db.sql(f"SELECT count(*) FROM read_parquet('{lineitem}')")


def test_star_schema_keeps_the_order_line_grain(tpch):
    warehouse.star_schema(tpch)
    lines, distinct = tpch.sql("SELECT count(*), count(DISTINCT (order_key, line_number)) FROM fact_lineorder").rows[0]
    assert lines == distinct == tpch.sql("SELECT count(*) FROM lineitem").rows[0][0]
    assert tpch.sql("SELECT count(*) FROM fact_lineorder f LEFT JOIN dim_date d ON d.date_key = f.order_date_key "
                    "WHERE d.date_key IS NULL").rows == [(0,)]


def test_row_groups_counts_fewer_groups_on_a_sorted_file(tmp_path):
    con = duckdb.connect()
    lineitem = warehouse.tpch_dir(0.01) / "lineitem.parquet"
    for name, order in [("key", "l_orderkey"), ("date", "l_shipdate")]:
        con.execute(f"COPY (SELECT * FROM '{lineitem}' ORDER BY {order}) TO '{tmp_path / name}.parquet' "
                    "(FORMAT parquet, ROW_GROUP_SIZE 2048)")
    query = "SELECT count(*) FROM '{}' WHERE l_shipdate BETWEEN DATE '1995-03-01' AND DATE '1995-03-31'"
    by_key = warehouse.row_groups(con, query.format(tmp_path / "key.parquet"))
    by_date = warehouse.row_groups(con, query.format(tmp_path / "date.parquet"))
    assert by_key[0] == by_key[1] == by_date[1]
    assert 1 <= by_date[0] <= 2


def test_customer_batches_are_seeded_and_grow():
    a = warehouse.customer_batches(seed=3, customers=10, batches=4)
    assert a == warehouse.customer_batches(seed=3, customers=10, batches=4)
    assert a != warehouse.customer_batches(seed=4, customers=10, batches=4)
    days = [day for day, _ in a]
    assert days == sorted(days) and len(set(days)) == 4
    assert len(a[0][1]) == 10
    first_ids = {r[0] for r in a[0][1]}
    assert any(r[0] not in first_ids for r in a[1][1])  # new customers arrive later


def test_customer_batches_with_nulls_move_cities_to_and_from_null():
    batches = warehouse.customer_batches(seed=1, customers=12, batches=3, nulls=True)
    seen, to_null, from_null = {}, 0, 0
    for _, rows in batches:
        for cid, _, city, _ in rows:
            if cid in seen:
                to_null += seen[cid] is not None and city is None
                from_null += seen[cid] is None and city is not None
            seen[cid] = city
    assert to_null and from_null


def test_sales_scenario_lines_find_exactly_one_customer_version():
    scenario = warehouse.sales_scenario(seed=2)
    dim = scenario["dim_customer"]
    assert len({r[0] for r in dim}) == len(dim)
    for batch in scenario["batches"]:
        assert len({(r[0], r[1]) for r in batch}) == len(batch)
        for _, _, cid, day, _ in batch:
            valid = [r for r in dim if r[1] == cid and r[4] <= day and (r[5] is None or day < r[5])]
            assert len(valid) == 1
    resent = {(r[0], r[1]) for r in scenario["batches"][0]} & {(r[0], r[1]) for r in scenario["batches"][1]}
    assert resent  # later batches re-send earlier lines


def test_monthly_batches_have_increasing_ids_and_dates_in_2024():
    batches = warehouse.monthly_batches(seed=0, batches=3, lines=10)
    assert [b[0][0] for b in batches] == [1, 2, 3]
    assert all(dt.date.fromisoformat(r[2]).year == 2024 for b in batches for r in b)


def test_recon_sandbox_hides_discrepancies_behind_equal_counts():
    db = warehouse.recon_sandbox(seed=0)
    staged, loaded = db.sql("SELECT (SELECT count(*) FROM stg_lines), (SELECT count(*) FROM fact_lines)").rows[0]
    assert staged == loaded
    differ = db.sql("""
        SELECT count(*) FROM (
            (SELECT * FROM stg_lines EXCEPT ALL SELECT * FROM fact_lines)
            UNION ALL (SELECT * FROM fact_lines EXCEPT ALL SELECT * FROM stg_lines))""").rows[0][0]
    assert differ >= 6


def test_tpch_dir_falls_back_to_the_scratch_directory_when_datasets_is_not_writable(monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    monkeypatch.setattr(warehouse, "DATASETS_DIR", blocker / "datasets")
    if (sandbox.scratch_root() / "tpch" / "sf0.001").exists():
        pytest.skip("already generated in this process")
    folder = warehouse.tpch_dir(0.001)
    assert folder.is_relative_to(sandbox.scratch_root())
    assert (folder / "lineitem.parquet").exists()
