"""Are the datasets deterministic, and do the files match the recorded checksums?"""

import json

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent
from dblab import data


def test_regenerated_files_match_recorded_checksums(tmp_path):
    sums = data.build_files(tmp_path, progress=False)
    recorded = json.loads((ROOT / "datasets" / "checksums.json").read_text())
    assert sums == recorded


def test_readme_lists_every_checksum():
    readme = (ROOT / "datasets" / "README.md").read_text()
    for digest in json.loads((ROOT / "datasets" / "checksums.json").read_text()).values():
        assert digest in readme


def test_every_dataset_has_provenance():
    assert set(data.names()) <= set(data.PROVENANCE)


def test_flights_is_the_real_nycflights13():
    tables = {t.name: t for t in data.build("flights")}
    assert len(tables["flights"].rows) == 336_776
    planes = {r[0] for r in tables["planes"].rows}
    tail = tables["flights"].column_names.index("tailnum")
    missing = sum(1 for r in tables["flights"].rows if r[tail] is not None and r[tail] not in planes)
    assert missing > 40_000  # the real defect: flights whose plane is not in planes


def test_shop_wide_plants_exactly_the_requested_defects():
    (t,) = data.build("shop_wide", seed=5, defects=3)
    by_customer = {}
    for r in t.rows:
        by_customer.setdefault(r[2], set()).add((r[4], r[5]))
    assert sum(1 for v in by_customer.values() if len(v) > 1) == 3
