"""`grader autograde`: a whole class in parallel, resumable, safe against hostile submissions.

Each submission is graded in its own worker process through nbgrader's autograde with the
trusted judge (grader.autograde.TrustedExecute). Only well-formed notebooks reach nbgrader: they
are staged first, so a broken file costs its own problems (status `format_error`), never the
batch. A submission is finished when its marker file is written, after nbgrader committed its
grades: killing the run at any moment and running it again regrades exactly the unfinished ones,
and nbgrader's update-or-create keeps the gradebook free of duplicates.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import course
from .problems import problems_of

MAX_NOTEBOOK_MB = 20
VERDICTS = "verdicts"
STAGING = ".dblab-staging"


@dataclass
class SubmissionResult:
    student: str
    status: str  # graded | skipped | format_error | infra_error
    seconds: float = 0.0
    message: str = ""
    notebooks: dict[str, str] = field(default_factory=dict)  # notebook -> problem (or "ok")


def db_url(root: Path) -> str:
    # several graders write at once: wait for the lock instead of failing
    return f"sqlite:///{root / 'gradebook.db'}?timeout=120"


def fingerprint(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file() and not p.is_symlink():
            h.update(str(p.relative_to(folder)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def marker(root: Path, assignment: str, student: str) -> Path:
    return root / VERDICTS / assignment / student / ".complete"


def notebook_problem(path: Path) -> str:
    """'' when `path` can be graded, else why not."""
    if path.is_symlink():
        return "the notebook is a symbolic link"
    size = path.stat().st_size
    if size > MAX_NOTEBOOK_MB * 2**20:
        return f"the notebook is {size / 2**20:.0f} MB (limit {MAX_NOTEBOOK_MB} MB)"
    try:
        data = json.loads(path.read_bytes())
    except (ValueError, UnicodeDecodeError) as exc:
        return f"the file is not valid notebook JSON ({type(exc).__name__})"
    if not isinstance(data, dict) or data.get("nbformat") != 4:
        return f"notebook format {data.get('nbformat') if isinstance(data, dict) else '?'} (version 4 expected)"
    try:
        import nbformat

        nbformat.validate(nbformat.from_dict(data), relax_add_props=True)
    except Exception as exc:  # noqa: BLE001
        # nbgrader repairs duplicated cell ids itself; anything else is malformed
        if "duplicate" not in str(exc).lower():
            return f"the notebook does not validate: {str(exc).splitlines()[0][:200]}"
    return ""


def _stage(root: Path, assignment: str, student: str, expected: list[str]) -> dict[str, str]:
    """Copy the gradeable notebooks of one submission into the staging area; return problems."""
    src = root / "submitted" / student / assignment
    dst = root / STAGING / "submitted" / student / assignment
    shutil.rmtree(dst, ignore_errors=True)
    dst.mkdir(parents=True)
    problems: dict[str, str] = {}
    for name in expected:
        path = src / f"{name}.ipynb"
        if not path.exists() and not path.is_symlink():
            problems[name] = "the notebook was not submitted"
            continue
        why = notebook_problem(path)
        if why:
            problems[name] = why
            continue
        shutil.copyfile(path, dst / path.name, follow_symlinks=False)
        problems[name] = "ok"
    ts = src / "timestamp.txt"
    if ts.is_file() and not ts.is_symlink():
        shutil.copyfile(ts, dst / "timestamp.txt")
    return problems


def config(root: Path, seed: int, limits: dict[str, Any] | None = None):
    cfg = course.nbgrader_config(root, release="exercises", trusted=True, seed=seed)
    cfg.CourseDirectory.db_url = db_url(root)
    cfg.CourseDirectory.submitted_directory = f"{STAGING}/submitted"
    for key, value in (limits or {}).items():
        setattr(cfg.TrustedExecute, key, value)
    return cfg


def grade_one(root: Path, assignment: str, student: str, seed: int, force: bool,
              limits: dict[str, Any] | None = None) -> SubmissionResult:
    """Grade one student's submission (runs in a worker process)."""
    from nbgrader.api import Gradebook
    from nbgrader.apps import NbGraderAPI

    course.ensure_venv_on_path()
    t0 = time.monotonic()
    folder = root / "submitted" / student / assignment
    digest = fingerprint(folder)
    done = marker(root, assignment, student)
    if not force and done.exists() and done.read_text() == digest:
        return SubmissionResult(student, "skipped")
    expected = sorted(p.stem for p in (root / "solutions" / assignment).glob("*.ipynb"))
    staged = _stage(root, assignment, student, expected)
    verdict_dir = root / VERDICTS / assignment / student
    shutil.rmtree(verdict_dir, ignore_errors=True)
    verdict_dir.mkdir(parents=True)
    api = NbGraderAPI(config=config(root, seed, limits))
    api.log.setLevel(logging.CRITICAL)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        out = api.autograde(assignment, student, force=True, create=True)
    status = "graded"
    message = ""
    if not out["success"]:
        status, message = "infra_error", (out.get("error") or "")[-500:]
    with Gradebook(db_url(root), "dblab") as gb:
        gb.update_or_create_submission(assignment, student)
        for name, why in staged.items():
            if why == "ok" and status == "graded":
                continue
            nb_status = "format_error" if why != "ok" else "infra_error"
            for p in problems_of(root / "solutions" / assignment / f"{name}.ipynb", assignment):
                grade = gb.find_grade(p.cell_id, name, assignment, student)
                grade.auto_score = 0.0
                grade.needs_manual_grade = False
            gb.db.commit()
            _write_verdicts(verdict_dir / f"{name}.json", [
                {"grade_id": p.grade_id, "cell_id": p.cell_id, "status": nb_status, "points": 0.0,
                 "max_points": p.points, "message": why if why != "ok" else message}
                for p in problems_of(root / "solutions" / assignment / f"{name}.ipynb", assignment)])
    if any(why != "ok" for why in staged.values()) and status == "graded":
        status = "format_error"
        message = "; ".join(f"{n}: {w}" for n, w in staged.items() if w != "ok")
    done.write_text(digest)
    return SubmissionResult(student, status, time.monotonic() - t0, message, staged)


def _write_verdicts(path: Path, records: list[dict]) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(records, indent=1))
    os.replace(tmp, path)


def ensure_assignment(root: Path, assignment: str) -> None:
    """Make sure the course gradebook knows the assignment (nbgrader generate_assignment)."""
    import tempfile

    from nbgrader.api import Gradebook, MissingEntry
    from nbgrader.apps import NbGraderAPI

    course.ensure_venv_on_path()
    with Gradebook(db_url(root), "dblab") as gb:
        try:
            gb.find_assignment(assignment)
            return
        except MissingEntry:
            pass
    with tempfile.TemporaryDirectory() as tmp:
        cfg = course.nbgrader_config(root, release=tmp, trusted=False)
        cfg.CourseDirectory.db_url = db_url(root)
        api = NbGraderAPI(config=cfg)
        api.log.setLevel(logging.CRITICAL)
        with contextlib.redirect_stdout(io.StringIO()):
            out = api.generate_assignment(assignment, force=True, create=True)
        if not out["success"]:
            raise RuntimeError(f"could not register {assignment}: {out.get('error')}")


def students_of(root: Path, assignment: str) -> list[str]:
    base = root / "submitted"
    return sorted(p.name for p in base.iterdir() if (p / assignment).is_dir()) if base.is_dir() else []


def autograde(root: Path, assignment: str, workers: int | None = None, students: list[str] | None = None,
              force: bool = False, seed: int = 7919, progress: bool = True,
              limits: dict[str, Any] | None = None) -> list[SubmissionResult]:
    """Grade every submission of `assignment` (or `students`) with `workers` processes."""
    from tqdm.auto import tqdm

    from . import isolation

    isolation.namespaces_available()  # probe once before forking
    ensure_assignment(root, assignment)
    todo = students or students_of(root, assignment)
    workers = max(1, workers or os.cpu_count() or 1)
    results: list[SubmissionResult] = []
    bar = tqdm(total=len(todo), desc=f"autograde {assignment}", unit="nb", disable=not progress)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(grade_one, root, assignment, s, seed, force, limits): s for s in todo}
        for fut in as_completed(futures):
            try:
                results.append(fut.result())
            except Exception as exc:  # noqa: BLE001 - one broken worker never stops the batch
                results.append(SubmissionResult(futures[fut], "infra_error", message=f"{type(exc).__name__}: {exc}"))
            bar.update(1)
    bar.close()
    return sorted(results, key=lambda r: r.student)


def verdicts(root: Path, assignment: str, student: str) -> list[dict]:
    """Every problem's verdict for one graded submission, in notebook order."""
    out = []
    for f in sorted((root / VERDICTS / assignment / student).glob("*.json")):
        out += json.loads(f.read_text())
    return out
