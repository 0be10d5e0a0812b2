"""Does every hostile or broken submission end with its named status, earn no points it did not
earn, and leave the rest of the batch and the gradebook intact?"""

import importlib
import os
import pkgutil
import subprocess
from pathlib import Path

import pytest

from grader.grading import autograde, verdicts
from tests.hostile import cases

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted(m.name for m in pkgutil.iter_modules(cases.__path__))
LIMITS = {"cell_timeout": 8.0, "call_timeout": 8.0, "notebook_timeout": 90.0, "memory_mb": 1536}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("course")
    for d in ("solutions", "exercises"):
        os.symlink(ROOT / d, root / d)
    for name in CASES + ["honest_reference"]:
        dest = root / "submitted" / name / "01-design"
        if name == "honest_reference":
            from tests.hostile.kit import reference_rest, write

            write(dest, reference_rest({}))
        else:
            importlib.import_module(f"tests.hostile.cases.{name}").build(dest)
    check_before = (ROOT / "dblab" / "check.py").read_bytes()
    results = {r.student: r for r in autograde(root, "01-design", workers=2, progress=False, limits=LIMITS)}
    assert (ROOT / "dblab" / "check.py").read_bytes() == check_before
    return root, results


def test_corpus_is_big_enough():
    assert len(CASES) >= 25


@pytest.mark.parametrize("name", CASES)
def test_hostile_case(graded, name):
    root, results = graded
    case = importlib.import_module(f"tests.hostile.cases.{name}")
    result = results[name]
    assert result.status == case.STATUS, result.message
    got = {v["grade_id"]: v for v in verdicts(root, "01-design", name)}
    for problem, status in case.EXPECT.items():
        assert got[problem]["status"] == status, got[problem]["message"]
        assert got[problem]["message"] or status == "passed"
    points = sum(_scores(root, name).values())
    low, high = case.POINTS
    assert low <= points <= high


def test_honest_student_in_the_same_batch_gets_full_marks(graded):
    root, results = graded
    assert results["honest_reference"].status == "graded"
    assert sum(_scores(root, "honest_reference").values()) == 22


def test_gradebook_has_one_row_per_problem_and_student(graded):
    import sqlite3

    root, _ = graded
    con = sqlite3.connect(root / "gradebook.db")
    (dups,) = con.execute("SELECT count(*) FROM (SELECT notebook_id, cell_id, count(*) n FROM grade GROUP BY 1, 2 HAVING n > 1)").fetchone()
    (subs,) = con.execute("SELECT count(*) FROM submitted_assignment").fetchone()
    assert dups == 0 and subs == len(CASES) + 1


def test_rerun_grades_nothing_again(graded):
    root, _ = graded
    again = autograde(root, "01-design", workers=2, progress=False, limits=LIMITS)
    assert {r.status for r in again} == {"skipped"}


def test_no_process_outlives_grading(graded):
    out = subprocess.run(["pgrep", "-f", "sleep 3600"], capture_output=True, text=True)
    assert out.stdout.strip() == ""


def _scores(root, student):
    from grader.feedback import scores

    return scores(root, "01-design", student)
