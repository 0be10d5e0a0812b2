"""Is exercises/ exactly what solutions/ generates, with no solution or hidden test in it?"""

import json

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent
from grader import release
from grader.problems import CANARY, HIDDEN_BEGIN, SOLUTION_BEGIN


def test_no_drift_between_solutions_and_exercises():
    assert release.check() == []


def test_exercises_hold_no_solution_and_no_hidden_test():
    for nb in (ROOT / "exercises").rglob("*.ipynb"):
        text = nb.read_text()
        assert SOLUTION_BEGIN not in text and HIDDEN_BEGIN not in text and CANARY not in text, nb


def test_every_problem_has_hints():
    hints = json.loads((ROOT / "dblab" / "hints.json").read_text())
    assert hints and all(hints.values())


def test_solutions_and_hidden_tests_carry_the_canary():
    import nbformat

    from grader.problems import HIDDEN_BEGIN, SOLUTION_BEGIN

    for nb in (ROOT / "solutions").rglob("*.ipynb"):
        for cell in nbformat.read(str(nb), as_version=4).cells:
            lines = cell.source.splitlines()
            for i, line in enumerate(lines):
                if line.strip() in (SOLUTION_BEGIN, HIDDEN_BEGIN):
                    assert i + 1 < len(lines) and CANARY in lines[i + 1], f"{nb.name}: no canary after {line.strip()}"


def test_visible_tests_hold_no_reference_sql_and_pass_with_the_reference_answers(tmp_path):
    """Sealed visible tests still pass with the reference answers (grader progress on them)."""
    import nbformat

    from grader.course import modules
    from grader.problems import problems_of, solution_region
    from grader.progress import progress
    from grader.seal import references
    from grader.selfcheck import submission_with

    for module in modules():
        for released in sorted((ROOT / "exercises" / module).glob("*.ipynb")):
            nb = nbformat.read(str(released), as_version=4)
            assert not any(references(c.source) for c in nb.cells), f"{released.name} shows reference SQL"
            source = problems_of(ROOT / "solutions" / module / released.name, module)
            filled = submission_with(nb, {p.answer_cell_id: solution_region(p.answer_source) for p in source})
            (tmp_path / module).mkdir(exist_ok=True)
            nbformat.write(filled, str(tmp_path / module / released.name))
    rows = progress(tmp_path, workers=2)
    failing = [f"{r['problem']}: {r['status']} {r['message'][:200]}" for r in rows if not r["passed"]]
    assert rows and failing == []
