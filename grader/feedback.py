"""`grader feedback`: one HTML page per student and notebook -- points, status and the message of
every failed check, never the code or data of a hidden test."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from .grading import VERDICTS, db_url

_CSS = ("body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse;width:100%}"
        "td,th{border:1px solid #ccc;padding:.4em;text-align:left;vertical-align:top}"
        ".passed{color:#176b2c}.failed,.error,.timeout,.format_error,.contaminated{color:#a4161a}")


def scores(root: Path, assignment: str, student: str) -> dict[tuple[str, str], float]:
    """{(notebook, nbgrader cell id): score} as the gradebook has them (manual changes included)."""
    from nbgrader.api import Gradebook

    out = {}
    with Gradebook(db_url(root), "dblab") as gb:
        sub = gb.find_submission(assignment, student)
        for nb in sub.notebooks:
            for g in nb.grades:
                out[(nb.name, g.name)] = float(g.score or 0.0)
    return out


def page(student: str, assignment: str, notebook: str, rows: list[dict], got: dict) -> str:
    total = sum(got.get((notebook, r["cell_id"]), 0.0) for r in rows)
    maximum = sum(r["max_points"] for r in rows)
    body = "".join(
        f"<tr><td>{escape(r['grade_id'])}</td><td>{got.get((notebook, r['cell_id']), 0.0):g} / {r['max_points']:g}</td>"
        f"<td class='{escape(r['status'])}'>{escape(r['status'])}</td><td>{escape(r['message'] or '')}</td></tr>"
        for r in rows
    )
    return (f"<!doctype html><meta charset='utf-8'><title>{escape(assignment)} / {escape(notebook)}</title>"
            f"<style>{_CSS}</style><h1>{escape(notebook)}</h1><p>{escape(student)} — {escape(assignment)}: "
            f"<b>{total:g} / {maximum:g}</b> points</p><table><tr><th>problem</th><th>points</th><th>status</th>"
            f"<th>what to fix</th></tr>{body}</table>")


def feedback(root: Path, assignment: str) -> list[Path]:
    """Write feedback/<student>/<assignment>/<notebook>.html for every graded submission."""
    written = []
    base = root / VERDICTS / assignment
    for folder in sorted(p for p in base.iterdir() if p.is_dir()) if base.is_dir() else []:
        student = folder.name
        got = scores(root, assignment, student)
        for f in sorted(folder.glob("*.json")):
            dest = root / "feedback" / student / assignment / f"{f.stem}.html"
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(page(student, assignment, f.stem, json.loads(f.read_text()), got))
            written.append(dest)
    return written
