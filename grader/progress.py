"""`grader progress`: which problems a trainee's own notebooks pass on their visible tests."""

from __future__ import annotations

from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat

from . import course
from .judge import Limits, judge
from .problems import problems_of


def check_notebook(path: Path) -> list[dict]:
    """Run one trainee notebook's visible tests (the hidden ones are not in it) in the runner."""
    module = path.parent.name
    problems = problems_of(path, module)
    if not problems:
        return []
    nb = nbformat.read(str(path), as_version=4)
    verdict = judge(nb, nb, problems, course.secrets(), seed=0, limits=Limits(cell_timeout=60, notebook_timeout=300))
    return [{"module": module, "notebook": path.stem, "problem": v.grade_id, "points": v.max_points,
             "passed": v.status == "passed", "status": v.status, "message": v.message} for v in verdict.problems]


def progress(path: Path, workers: int = 2) -> list[dict]:
    notebooks = sorted(p for p in path.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts) if path.is_dir() else [path]
    with ProcessPoolExecutor(max_workers=max(1, workers)) as pool:
        return [row for rows in pool.map(check_notebook, notebooks) for row in rows]


def by_module(rows: list[dict]) -> dict[str, tuple[int, int]]:
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        out[r["module"]][0] += r["passed"]
        out[r["module"]][1] += 1
    return {m: (p, n) for m, (p, n) in sorted(out.items())}


def table(rows: list[dict]) -> str:
    lines = [f"{'module':<24} {'passed':>7}  problems"]
    for m, (p, n) in by_module(rows).items():
        marks = " ".join(("✔ " if r["passed"] else "· ") + r["problem"].split(".", 1)[1] for r in rows if r["module"] == m)
        lines.append(f"{m:<24} {p:>3}/{n:<3}  {marks}")
    return "\n".join(lines)


def chart(rows: list[dict], path: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    mods = by_module(rows)
    fig, ax = plt.subplots(figsize=(6.5, 0.45 * max(1, len(mods)) + 1.2))
    names = list(mods)
    ax.barh(names, [n for _, n in mods.values()], color="#DDDDDD", label="problems")
    ax.barh(names, [p for p, _ in mods.values()], color="#2A9D8F", label="passing the visible tests")
    ax.invert_yaxis()
    ax.set_xlabel("problems")
    ax.set_title("Your progress")
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
