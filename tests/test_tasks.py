"""Is every exercise notebook a valid, complete evaluation task?"""

import json

import jsonschema

from grader.tasks import SCHEMA, task_records, write_jsonl


def test_every_task_validates_against_the_schema():
    schema = json.loads(SCHEMA.read_text())
    records = task_records()
    assert records
    for r in records:
        jsonschema.validate(r, schema)


def test_tasks_cover_every_problem_once():
    from grader.course import ROOT, modules
    from grader.problems import problems_of

    ids = [p["grade_id"] for r in task_records() for p in r["problems"]]
    expected = [p.grade_id for m in modules() for nb in sorted((ROOT / "solutions" / m).glob("*.ipynb"))
                for p in problems_of(nb, m)]
    assert ids == expected and len(set(ids)) == len(ids)


def test_tasks_reveal_no_solution(tmp_path):
    text = write_jsonl(task_records(), tmp_path / "tasks.jsonl")
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text
    assert (tmp_path / "tasks.jsonl").read_text() == text
