"""`make bench`: grading throughput and overhead, measured side by side in one run.

A synthetic class of N submissions of 01-design (reference, untouched and wrong-answer
notebooks in rotation) is graded twice: by plain nbgrader autograde (in-kernel execution, one
submission after another) and by `grader autograde --workers 2`. Both must give the same scores.
Also measured: plain execution of the same notebooks (nbclient, no grading) against the trusted
path with one worker, per notebook. Figures go to bench/results.json with stable keys.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

import nbformat

from . import course
from .grading import autograde, db_url, ensure_assignment
from .problems import problems_of, solution_region

MODULE = "01-design"
RESULTS = course.ROOT / "bench" / "results.json"


def synthetic_class(root: Path, n: int) -> dict[str, str]:
    """Write N submissions into root/submitted; return {student: kind}."""
    from .selfcheck import cases_of, submission_with

    kinds = {}
    notebooks = sorted((course.ROOT / "solutions" / MODULE).glob("*.ipynb"))
    for i in range(n):
        kind = ("reference", "untouched", "wrong")[i % 3]
        student = f"s{i:03d}"
        kinds[student] = kind
        for nb in notebooks:
            released = nbformat.read(str(course.ROOT / "exercises" / MODULE / nb.name), as_version=4)
            answers = {}
            for p in problems_of(nb, MODULE):
                if kind == "reference":
                    answers[p.answer_cell_id] = solution_region(p.answer_source)
                elif kind == "wrong":
                    wrong = [c for c in cases_of(p.grade_id) if c.kind == "wrong"]
                    answers[p.answer_cell_id] = wrong[i % len(wrong)].answer_source(p)
            dest = root / "submitted" / student / MODULE / nb.name
            dest.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(submission_with(released, answers), str(dest))
    return kinds


def _course(tmp: Path, name: str) -> Path:
    root = tmp / name
    root.mkdir()
    for d in ("solutions", "exercises"):
        os.symlink(course.ROOT / d, root / d)
    return root


def _scores(root: Path) -> dict[tuple[str, str, str], float]:
    from nbgrader.api import Gradebook

    out = {}
    with Gradebook(db_url(root), "dblab") as gb:
        for sub in gb.assignment_submissions(MODULE):
            for nb in sub.notebooks:
                for g in nb.grades:
                    out[(sub.student.id, nb.name, g.name)] = float(g.score or 0)
    return out


def plain_nbgrader(root: Path) -> float:
    """Seconds for nbgrader's own autograde (in-kernel execution), one student at a time."""
    from nbgrader.apps import NbGraderAPI

    ensure_assignment(root, MODULE)
    cfg = course.nbgrader_config(root, trusted=False)
    cfg.CourseDirectory.db_url = db_url(root)
    api = NbGraderAPI(config=cfg)
    api.log.setLevel(logging.CRITICAL)
    students = sorted(p.name for p in (root / "submitted").iterdir())
    from tqdm.auto import tqdm

    t0 = time.perf_counter()
    for s in tqdm(students, desc="nbgrader autograde", unit="sub"):
        with contextlib.redirect_stdout(io.StringIO()):
            api.autograde(MODULE, s, force=True, create=True)
    return time.perf_counter() - t0


def plain_execution(root: Path, students: list[str]) -> float:
    """Seconds per notebook to just execute submissions with nbclient (no grading at all)."""
    from nbclient import NotebookClient

    paths = [p for s in students for p in sorted((root / "submitted" / s / MODULE).glob("*.ipynb"))]
    t0 = time.perf_counter()
    for p in paths:
        nb = nbformat.read(str(p), as_version=4)
        NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": str(p.parent)}}).execute()
    return (time.perf_counter() - t0) / len(paths)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--students", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--sample", type=int, default=6, help="submissions used for the overhead figure")
    args = parser.parse_args(argv)
    course.ensure_venv_on_path()
    results: dict = {"cores": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="dblab-bench-") as tmp:
        plain_root, ours_root = _course(Path(tmp), "plain"), _course(Path(tmp), "ours")
        kinds = synthetic_class(plain_root, args.students)
        shutil.copytree(plain_root / "submitted", ours_root / "submitted")
        notebooks = args.students * len(list((course.ROOT / "solutions" / MODULE).glob("*.ipynb")))

        t_plain = plain_nbgrader(plain_root)
        t0 = time.perf_counter()
        autograde(ours_root, MODULE, workers=args.workers)
        t_ours = time.perf_counter() - t0
        same = _scores(plain_root) == _scores(ours_root)

        sample = sorted(kinds)[: args.sample]
        per_plain = plain_execution(ours_root, sample)
        t0 = time.perf_counter()
        autograde(ours_root, MODULE, workers=1, students=sample, force=True, progress=False)
        per_ours = (time.perf_counter() - t0) / (len(sample) * (notebooks // args.students))

        # the evaluator's path: grading reference answers of the same notebooks, vs executing them
        from .evaluation import evaluate

        ev_out = Path(tmp) / "eval"
        reps = 3
        t0 = time.perf_counter()
        for r in range(reps):
            evaluate("reference", ev_out / str(r), [MODULE], seed=r, progress=False)
        t_eval = (time.perf_counter() - t0) / reps
        ref_students = [s for s, k in kinds.items() if k == "reference"][:1]
        t_exec = plain_execution(ours_root, ref_students) * (notebooks // args.students)
        eval_overhead = (t_eval - t_exec) / t_exec

    results.update({
        "eval_s_per_module": round(t_eval, 3), "plain_execution_per_module_s": round(t_exec, 3),
        "eval_overhead": round(eval_overhead, 4),
        "students": args.students, "notebooks": notebooks, "workers": args.workers,
        "nbgrader_autograde_s": round(t_plain, 2), "grader_autograde_s": round(t_ours, 2),
        "autograde_speedup": round(t_plain / t_ours, 3), "same_scores": same,
        "plain_execution_per_notebook_s": round(per_plain, 3),
        "grader_per_notebook_s": round(per_ours, 3),
        "autograde_overhead_s": round(per_ours - per_plain, 3),
    })
    RESULTS.parent.mkdir(exist_ok=True)
    previous = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    RESULTS.write_text(json.dumps({**previous, **results}, indent=1) + "\n")
    print(f"\n{notebooks} notebooks ({args.students} submissions of {MODULE}) on {results['cores']} cores")
    print(f"  plain nbgrader autograde        {t_plain:8.1f} s  ({notebooks / t_plain:.2f} nb/s)")
    print(f"  grader autograde --workers {args.workers}    {t_ours:8.1f} s  ({notebooks / t_ours:.2f} nb/s)")
    print(f"  throughput ratio                {t_plain / t_ours:8.2f}x   same scores: {same}")
    print(f"  per notebook: plain execution {per_plain:.2f} s, trusted grading {per_ours:.2f} s, "
          f"overhead {per_ours - per_plain:+.2f} s")
    print(f"  eval (reference agent, {MODULE}): {t_eval:.2f} s vs plain execution {t_exec:.2f} s: "
          f"overhead {eval_overhead:+.1%}")
    if not same:
        raise SystemExit("bench: the two graders disagree on some score")
    return results


if __name__ == "__main__":
    main()
