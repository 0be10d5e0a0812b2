"""Released test cells carry no reference SQL: `grader release` replaces each reference query
in a visible test by the results it gives on the visible data (`dblab.check.Expected`).

The source notebooks keep their queries (the hidden tests need them); only exercises/ changes.
A reference is recorded by running the notebook's setup cells and each test cell's visible part
with the reference answers, in a scratch process of its own.
"""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
from pathlib import Path

import nbformat

from .problems import is_answer_cell, is_test_cell, nbgrader_meta, problems_of, solution_region, strip_hidden

# NAME = """...""" or '''...''' where NAME contains REF (REFERENCE, REF_SQL, EXPECTED_REF, ...)
_ASSIGN = re.compile(r'^(?P<name>[A-Z_]*REF[A-Z_0-9]*)\s*=\s*(?P<q>"""|\'\'\')(?P<sql>.*?)(?P=q)[ \t]*$', re.S | re.M)


def references(source: str) -> list[tuple[str, str]]:
    """(variable, SQL) of every reference query assigned in the visible part of a test cell."""
    return [(m.group("name"), m.group("sql")) for m in _ASSIGN.finditer(strip_hidden(source))]


def seal_notebook(released: Path, source: Path, module: str) -> int:
    """Rewrite the released notebook in place; return how many references were sealed."""
    nb = nbformat.read(str(released), as_version=4)
    if not any(is_test_cell(c) and references(c.source) for c in nb.cells):
        return 0
    out = subprocess.run([sys.executable, "-m", "grader.seal", str(released), str(source), module],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"sealing {released.name} failed:\n{out.stdout[-2000:]}{out.stderr[-3000:]}")
    return int(out.stdout.strip().splitlines()[-1])


def _record(released: Path, source: Path, module: str) -> int:
    """Runs in its own process: setup cells, reference answers, visible tests; rewrites refs."""
    import os

    from dblab import check

    os.chdir(released.parent)
    nb = nbformat.read(str(released), as_version=4)
    answers = {p.answer_cell_id: solution_region(p.answer_source) for p in problems_of(source, module)}
    ns: dict = {"__name__": "__main__"}
    sealed = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        gid = nbgrader_meta(cell).get("grade_id", "")
        if is_answer_cell(cell):
            code = answers.get(gid, "")
        elif is_test_cell(cell):
            refs = references(cell.source)
            check._recorder.append([])
            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    exec(compile(strip_hidden(cell.source), f"<visible tests of {gid}>", "exec"), dict(ns))  # noqa: S102
            finally:
                calls = check._recorder.pop()
            for name, sql in refs:
                results = [r for q, r in calls if q == sql]
                if not results:
                    raise RuntimeError(f"{gid}: {name} is never compared with check.same_result in the visible tests")
                packed = check.Expected.pack(results)
                cell.source = _ASSIGN.sub(lambda m, n=name, p=packed: (
                    f'{n} = check.Expected("{p}")  # results of the reference on the visible data'
                    if m.group("name") == n else m.group(0)), cell.source, count=0)
                sealed += 1
            continue
        else:
            code = cell.source
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(_python_only(code), f"<cell {gid}>", "exec"), ns)  # noqa: S102
    nbformat.write(nb, str(released))
    return sealed


def _python_only(code: str) -> str:
    """Drop IPython magics and shell escapes: setup cells are run here without IPython."""
    return "\n".join("pass" if line.lstrip().startswith(("%", "!")) else line for line in code.splitlines())


if __name__ == "__main__":
    print(_record(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]))
