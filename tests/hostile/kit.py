"""Building blocks for hostile submissions of 01-design (see README.md in this folder)."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat

from grader.problems import problems_of, solution_region

ROOT = Path(__file__).resolve().parents[2]
MODULE = "01-design"
NB1 = "01-dependencies-and-keys"
NB2 = "02-schema-design-and-evolution"
PROBLEMS = {nb: problems_of(ROOT / "solutions" / MODULE / f"{nb}.ipynb", MODULE) for nb in (NB1, NB2)}


def released(nb: str):
    return nbformat.read(str(ROOT / "exercises" / MODULE / f"{nb}.ipynb"), as_version=4)


def with_answers(nb: str, answers: dict[str, str] | None = None, reference: bool = False):
    """The released notebook with answers: {problem id: source}; reference=True fills the rest."""
    book = released(nb)
    by_cell = {p.answer_cell_id: p for p in PROBLEMS[nb]}
    for cell in book.cells:
        p = by_cell.get(cell.metadata.get("nbgrader", {}).get("grade_id"))
        if p is None:
            continue
        if answers and p.grade_id in answers:
            cell.source = answers[p.grade_id]
        elif reference:
            cell.source = solution_region(p.answer_source)
    return book


def write(dest: Path, books: dict[str, object]) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    for nb, book in books.items():
        path = dest / f"{nb}.ipynb"
        if isinstance(book, (bytes, str)):
            path.write_bytes(book if isinstance(book, bytes) else book.encode())
        else:
            nbformat.write(book, str(path))


def blank_rest(books: dict[str, object]) -> dict[str, object]:
    """Fill in the notebooks a case does not touch with the untouched exercise."""
    return {nb: books.get(nb, released(nb)) for nb in (NB1, NB2)} | books


def reference_rest(books: dict[str, object]) -> dict[str, object]:
    return {nb: books.get(nb, with_answers(nb, reference=True)) for nb in (NB1, NB2)} | books


def answer_cell(book, problem_id: str):
    nbid = problem_id.replace(".", "_") + "_answer"
    return next(c for c in book.cells if c.metadata.get("nbgrader", {}).get("grade_id") == nbid)


def test_cells(book):
    return [c for c in book.cells if c.metadata.get("nbgrader", {}).get("grade")]


WRONG_Q4 = "anomalies_sql = 'SELECT DISTINCT customer_id FROM order_lines'"


def dumps(book) -> str:
    return json.dumps(book)
