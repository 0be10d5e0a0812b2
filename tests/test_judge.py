"""Can code in a submission bend a verdict, see secrets or stop the grading? (It must not.)"""

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent
from grader.course import secrets
from grader.judge import AnswerSession, Limits, judge
from grader.problems import problems_of

TESTS_SQL = '''from dblab import check, sandbox
db = sandbox.sqlite("shop", seed=1)
check.same_result(db, big_orders_sql, "SELECT order_id FROM order_items GROUP BY order_id HAVING sum(quantity) > 8")
### BEGIN HIDDEN TESTS
with check.hidden():
    db = sandbox.sqlite("shop", seed=check.hidden_seed())
    check.same_result(db, big_orders_sql, "SELECT order_id FROM order_items GROUP BY order_id HAVING sum(quantity) > 8")
### END HIDDEN TESTS
'''
TESTS_FN = '''from dblab import check
check.equal(check.call(double, 21), 42, "double(21)")
### BEGIN HIDDEN TESTS
with check.hidden():
    for x in range(-5, 50, 7):
        check.equal(check.call(double, x), 2 * x, "hidden")
### END HIDDEN TESTS
'''
RIGHT_SQL = 'big_orders_sql = "SELECT order_id FROM order_items GROUP BY 1 HAVING sum(quantity) >= 9"'
RIGHT_FN = "def double(x):\n    return x + x"


def cell(source, nbgrader=None, dblab=None):
    c = new_code_cell(source)
    if nbgrader:
        c.metadata["nbgrader"] = {"schema_version": 3, "grade": False, "solution": False, "locked": False, **nbgrader}
    if dblab:
        c.metadata["dblab"] = dblab
    return c


def notebook(sql_answer, fn_answer, extra=()):
    return new_notebook(cells=[
        cell("from dblab import sandbox", {"locked": True, "grade_id": "setup"}),
        *[cell(s) for s in extra],
        cell(sql_answer, {"solution": True, "grade_id": "t_q1_answer"}, {"problem": "t.q1"}),
        cell(TESTS_SQL, {"grade": True, "locked": True, "points": 1, "grade_id": "t_q1"},
             {"id": "t.q1", "answer": "big_orders_sql", "kind": "sql", "skills": ["database-design"]}),
        cell(fn_answer, {"solution": True, "grade_id": "t_q2_answer"}, {"problem": "t.q2"}),
        cell(TESTS_FN, {"grade": True, "locked": True, "points": 1, "grade_id": "t_q2"},
             {"id": "t.q2", "answer": "double", "kind": "function", "skills": ["database-design"]}),
    ], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    path = tmp_path_factory.mktemp("src") / "toy.ipynb"
    nb = notebook(RIGHT_SQL, RIGHT_FN)
    nbformat.write(nb, str(path))
    return nb, problems_of(path, "toy")


def grade(source, sql_answer=RIGHT_SQL, fn_answer=RIGHT_FN, extra=(), **limits):
    nb, problems = source
    verdict = judge(notebook(sql_answer, fn_answer, extra), nb, problems, secrets(ROOT), 11,
                    Limits(cell_timeout=limits.get("cell_timeout", 20), call_timeout=limits.get("call_timeout", 10)))
    return {p.grade_id: p for p in verdict.problems}, verdict


def test_right_answers_pass(source):
    v, verdict = grade(source)
    assert [v["t.q1"].status, v["t.q2"].status] == ["passed", "passed"]
    assert verdict.isolation == "namespace"


def test_untouched_answers_fail_with_the_reason(source):
    v, _ = grade(source, "raise NotImplementedError()", "raise NotImplementedError()")
    assert v["t.q1"].status == "failed" and "NotImplementedError" in v["t.q1"].message
    assert v["t.q2"].points == 0


def test_patching_the_check_library_changes_nothing(source):
    hostile = ("import dblab.check as c, builtins\n"
               "c.same_result = c.equal = c.compare = lambda *a, **k: None\n"
               "builtins.AssertionError = type('Never', (Exception,), {})\n"
               "big_orders_sql = 'SELECT 1 AS order_id'")
    v, _ = grade(source, hostile, "def double(x):\n    return 42")
    assert v["t.q1"].status == "failed" and v["t.q2"].status == "failed"


def test_exit_in_a_cell_loses_only_that_answer(source):
    v, _ = grade(source, "import os\nos._exit(3)", RIGHT_FN)
    assert v["t.q1"].status == "error" and v["t.q2"].status == "passed"


def test_endless_loop_times_out_and_the_rest_is_graded(source):
    v, _ = grade(source, "while True:\n    pass", RIGHT_FN, cell_timeout=2)
    assert v["t.q1"].status == "timeout" and v["t.q2"].status == "passed"


def test_endless_function_times_out(source):
    v, _ = grade(source, RIGHT_SQL, "def double(x):\n    while True:\n        pass", call_timeout=2)
    assert v["t.q2"].status == "timeout" and v["t.q1"].status == "passed"


def test_segfault_is_an_error_not_a_crash_of_the_grader(source):
    v, _ = grade(source, RIGHT_SQL, "import ctypes\ndef double(x):\n    ctypes.string_at(0)")
    assert v["t.q2"].status == "failed" and "killed the Python process" in v["t.q2"].message


def test_answer_runner_sees_no_secrets_and_writes_nothing():
    probe = ("import os, pathlib\n"
             f"seen = sorted(os.listdir({str(ROOT / 'solutions')!r}))\n"
             "try:\n"
             f"    pathlib.Path({str(ROOT / 'README.md')!r}).write_text('pwned')\n"
             "    wrote = True\n"
             "except OSError:\n"
             "    wrote = False\n"
             "def report():\n"
             "    return [seen, wrote]")
    session = AnswerSession([(0, probe)], secrets(ROOT), Limits())
    try:
        session.worker.start()
        outcomes = session.run()
        assert outcomes[0].ok, outcomes[0].evalue
        assert session.call("report", (), {}) == [[], False]
    finally:
        session.close()
    assert "pwned" not in (ROOT / "README.md").read_text()


def test_contaminated_answer_is_flagged(source):
    from grader.problems import CANARY

    v, _ = grade(source, f"# {CANARY}\n" + RIGHT_SQL)
    assert v["t.q1"].status == "contaminated" and v["t.q1"].points == 0
