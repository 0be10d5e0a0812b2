"""What a course notebook declares: its problems, their answer cells, tests, points and skills.

A problem's id is readable and dotted (`design.keys.q1`); nbgrader allows no dots in its
grade_id, so the nbgrader id of the test cell is the id with dots as underscores
(`design_keys_q1`) and the answer cell's is that plus `_answer`.

Cell metadata (in solutions/):
  answer cell: nbgrader {solution: true, grade: false, grade_id: "<nbid>_answer"}
               dblab {problem: "<id>"}
  test cell:   nbgrader {grade: true, solution: false, locked: true, points: P, grade_id: "<nbid>"}
               dblab {id: "<id>", answer: NAME, kind: "sql" | "function", skills: [...],
                      contract: "...", hints: [...]}
The statement is the Markdown cell(s) between the previous problem and the answer cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat

HIDDEN_BEGIN = "### BEGIN HIDDEN TESTS"
HIDDEN_END = "### END HIDDEN TESTS"
SOLUTION_BEGIN = "### BEGIN SOLUTION"
SOLUTION_END = "### END SOLUTION"
CANARY = "dblab-canary-5f0c1e7a-do-not-train"


@dataclass
class Problem:
    grade_id: str
    cell_id: str  # nbgrader's grade_id of the test cell
    notebook: str  # path relative to the module folder, e.g. "01-fds-and-keys.ipynb"
    module: str
    points: float
    answer_name: str
    kind: str
    skills: list[str]
    test_source: str
    answer_source: str
    statement: str
    contract: str = ""
    hints: list[str] = field(default_factory=list)

    @property
    def answer_cell_id(self) -> str:
        return f"{self.cell_id}_answer"

    @property
    def has_hidden_tests(self) -> bool:
        return HIDDEN_BEGIN in self.test_source and HIDDEN_END in self.test_source

    @property
    def visible_test_source(self) -> str:
        return strip_hidden(self.test_source)


def strip_hidden(source: str) -> str:
    return re.sub(rf"[ \t]*{HIDDEN_BEGIN}.*?{HIDDEN_END}[ \t]*\n?", "", source, flags=re.S).rstrip() + "\n"


def nbgrader_meta(cell: Any) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {}) or {}


def dblab_meta(cell: Any) -> dict:
    return cell.get("metadata", {}).get("dblab", {}) or {}


def is_test_cell(cell: Any) -> bool:
    m = nbgrader_meta(cell)
    return cell.get("cell_type") == "code" and bool(m.get("grade")) and not m.get("solution")


def is_answer_cell(cell: Any) -> bool:
    m = nbgrader_meta(cell)
    return bool(m.get("solution")) and not m.get("grade")


def problems_of(path: Path, module: str | None = None) -> list[Problem]:
    """The problems declared in one source notebook, in reading order."""
    nb = nbformat.read(str(path), as_version=4)
    module = module or path.parent.name
    answers = {dblab_meta(c).get("problem"): c for c in nb.cells if is_answer_cell(c)}
    out: list[Problem] = []
    statement: list[str] = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            statement.append(cell.source)
            continue
        if not is_test_cell(cell):
            continue
        cell_id = nbgrader_meta(cell)["grade_id"]
        meta = dblab_meta(cell)
        gid = meta.get("id", cell_id)
        answer = answers.get(gid)
        out.append(
            Problem(
                grade_id=gid,
                cell_id=cell_id,
                notebook=path.name,
                module=module,
                points=float(nbgrader_meta(cell).get("points", 0)),
                answer_name=meta.get("answer", ""),
                kind=meta.get("kind", ""),
                skills=list(meta.get("skills", [])),
                test_source=cell.source,
                answer_source=answer.source if answer is not None else "",
                statement="\n\n".join(statement[-2:]).strip(),
                contract=meta.get("contract", ""),
                hints=list(meta.get("hints", [])),
            )
        )
        statement = []
    return out


def solution_region(source: str) -> str:
    """The reference answer: the text between the solution markers (the whole cell if none),
    without the canary line that marks it as course material."""
    m = re.search(rf"{SOLUTION_BEGIN}[^\n]*\n(.*?)[ \t]*{SOLUTION_END}", source, flags=re.S)
    text = m.group(1) if m else source
    return "".join(line for line in text.splitlines(keepends=True) if CANARY not in line)


def with_canary(source: str) -> str:
    """Mark solution and hidden-test regions with the canary line (idempotent)."""
    out = []
    lines = source.splitlines(keepends=True)
    for i, line in enumerate(lines):
        out.append(line)
        if line.strip() in (SOLUTION_BEGIN, HIDDEN_BEGIN) and (i + 1 >= len(lines) or CANARY not in lines[i + 1]):
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}# {CANARY}\n")
    return "".join(out)
