"""`grader export` and `grader stats`: grades per student and problem, and what the class got wrong."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from .feedback import scores
from .grading import VERDICTS

COLUMNS = ["student", "assignment", "notebook", "problem", "points", "max_points", "status"]


def rows(root: Path, assignment: str) -> list[dict]:
    out = []
    base = root / VERDICTS / assignment
    for folder in sorted(p for p in base.iterdir() if p.is_dir()) if base.is_dir() else []:
        got = scores(root, assignment, folder.name)
        for f in sorted(folder.glob("*.json")):
            for r in json.loads(f.read_text()):
                out.append({"student": folder.name, "assignment": assignment, "notebook": f.stem,
                            "problem": r["grade_id"], "points": got.get((f.stem, r["cell_id"]), 0.0),
                            "max_points": r["max_points"], "status": r["status"], "message": r.get("message", "")})
    return out


def export_csv(root: Path, assignment: str) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, COLUMNS, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    w.writerows(rows(root, assignment))
    return buf.getvalue()


def _shape(message: str) -> str:
    """Failure messages grouped by shape: numbers and quoted values do not split a group."""
    return re.sub(r"\d+", "N", re.sub(r"'[^']*'", "'…'", message or ""))[:160]


def stats(root: Path, assignment: str) -> list[dict]:
    by_problem: dict[str, list[dict]] = defaultdict(list)
    for r in rows(root, assignment):
        by_problem[r["problem"]].append(r)
    out = []
    for problem, rs in by_problem.items():
        passed = sum(1 for r in rs if r["points"] >= r["max_points"])
        fails = Counter(_shape(r["message"]) for r in rs if r["status"] != "passed" and r["message"])
        out.append({"problem": problem, "students": len(rs), "pass_rate": passed / len(rs),
                    "mean_points": sum(r["points"] for r in rs) / len(rs), "max_points": rs[0]["max_points"],
                    "common_failures": fails.most_common(3)})
    return out


def table(stat_rows: list[dict]) -> str:
    lines = [f"{'problem':<30} {'n':>4} {'pass':>6} {'mean':>9}  most common failure"]
    for s in stat_rows:
        top = s["common_failures"][0] if s["common_failures"] else ("", 0)
        lines.append(f"{s['problem']:<30} {s['students']:>4} {s['pass_rate']:>6.0%} "
                     f"{s['mean_points']:>4.1f}/{s['max_points']:<4g}  {f'{top[1]}× ' + top[0][:70] if top[1] else ''}")
    return "\n".join(lines)


def chart(stat_rows: list[dict], path: Path, title: str) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 0.4 * len(stat_rows) + 1.2))
    names = [s["problem"] for s in stat_rows]
    ax.barh(names, [s["pass_rate"] * 100 for s in stat_rows], color="#4C72B0")
    ax.set_xlim(0, 100)
    ax.set_xlabel("students with full marks (%)")
    ax.set_title(title)
    ax.invert_yaxis()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
