"""`grader selfcheck`: the course proves its own graders, through the real nbgrader path.

For every problem: the reference answer must earn full marks, the untouched exercise zero,
every `tests/answers/<grade_id>/wrong_*` case less than full marks and every `alt_*` case full
marks. One submission carries one case for every problem of the module at once (problems are
independent), so a module needs 2 + (most cases of any of its problems) autograde runs.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import shutil
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat

from . import course
from .problems import Problem, is_answer_cell, is_test_cell, nbgrader_meta, problems_of, solution_region
from .release import generate

ANSWERS = course.ROOT / "tests" / "answers"


@dataclass
class Case:
    name: str
    kind: str  # "wrong" | "alt"
    path: Path

    def answer_source(self, problem: Problem) -> str:
        text = self.path.read_text()
        if self.path.suffix == ".sql":
            return f"{problem.answer_name} = {text!r}\n"
        return text


def cases_of(grade_id: str, answers: Path = ANSWERS) -> list[Case]:
    folder = answers / grade_id
    if not folder.is_dir():
        return []
    out = []
    for p in sorted(folder.iterdir()):
        kind = p.name.split("_", 1)[0]
        if kind in ("wrong", "alt") and p.suffix in (".py", ".sql"):
            out.append(Case(p.stem, kind, p))
    return out


def submission_with(released: Any, answers: dict[str, str]) -> Any:
    """A copy of the released notebook with answer cells replaced: {answer cell id: source}."""
    nb = nbformat.from_dict(json.loads(json.dumps(released)))
    for cell in nb.cells:
        gid = nbgrader_meta(cell).get("grade_id", "")
        if is_answer_cell(cell) and gid in answers:
            cell.source = answers[gid]
    return nb


@dataclass
class ModuleResult:
    records: list[dict] = field(default_factory=list)
    cell_errors: list[str] = field(default_factory=list)
    seconds: float = 0.0


def check_module(module: str, seed: int = 7919, root: Path = course.ROOT, answers: Path = ANSWERS) -> ModuleResult:
    """Grade reference, blank and every case of one module; return one record per problem."""
    from nbgrader.api import Gradebook
    from nbgrader.apps import NbGraderAPI

    course.ensure_venv_on_path()
    t0 = time.monotonic()
    result = ModuleResult()
    with tempfile.TemporaryDirectory(prefix="dblab-selfcheck-") as tmp:
        scratch = Path(tmp) / "course"
        scratch.mkdir()
        os.symlink(root / "solutions", scratch / "solutions")
        generate(scratch, scratch / "exercises", [module], seal=False)  # tests come from the source
        notebooks = sorted((root / "solutions" / module).glob("*.ipynb"))
        problems = {nb.stem: problems_of(nb, module) for nb in notebooks}
        all_problems = [p for ps in problems.values() for p in ps]
        cases = {p.grade_id: cases_of(p.grade_id, answers) for p in all_problems}
        depth = max([len(c) for c in cases.values()] + [0])
        students: dict[str, dict[str, Case | None]] = {"reference": {}, "blank": {}}
        for k in range(depth):
            students[f"case{k + 1}"] = {gid: (cs[k] if k < len(cs) else None) for gid, cs in cases.items()}
        for student, chosen in students.items():
            for nb in notebooks:
                released = nbformat.read(str(scratch / "exercises" / module / nb.name), as_version=4)
                if student == "blank":
                    answers_src = {}
                else:
                    answers_src = {}
                    for p in problems[nb.stem]:
                        case = chosen.get(p.grade_id)
                        answers_src[p.answer_cell_id] = case.answer_source(p) if case else solution_region(p.answer_source)
                sub = submission_with(released, answers_src)
                dest = scratch / "submitted" / student / module / nb.name
                dest.parent.mkdir(parents=True, exist_ok=True)
                nbformat.write(sub, str(dest))
        hide = course.secrets(root) + course.secrets(scratch)
        cfg = course.nbgrader_config(scratch, release="exercises", trusted=True, workers_hide=hide, seed=seed)
        api = NbGraderAPI(config=cfg)
        api.log.setLevel(logging.ERROR)
        for student in students:
            with contextlib.redirect_stdout(io.StringIO()):
                out = api.autograde(module, student, force=True, create=True)
            if not out["success"]:
                raise RuntimeError(f"autograde failed for {module}/{student}: {out.get('error')}\n{out['log'][-3000:]}")
        with Gradebook(cfg.CourseDirectory.db_url, "dblab") as gb:
            def score(p: Problem, student: str) -> float:
                return float(gb.find_grade(p.cell_id, p.notebook[:-6], module, student).score)

            messages = _messages(scratch, module, students)
            for p in all_problems:
                rec: dict[str, Any] = {
                    "grade_id": p.grade_id, "module": module, "notebook": p.notebook, "points": p.points,
                    "skills": p.skills, "hidden_tests": p.has_hidden_tests,
                    "reference": score(p, "reference"), "blank": score(p, "blank"), "wrong": [], "alt": [],
                }
                for k, case in enumerate(cases[p.grade_id]):
                    entry = {"case": case.name, "points": score(p, f"case{k + 1}")}
                    msg = messages.get((f"case{k + 1}", p.cell_id))
                    if msg:
                        entry["message"] = msg
                    rec[case.kind].append(entry)
                for who in ("reference", "blank"):
                    msg = messages.get((who, p.cell_id))
                    if msg and who == "reference":
                        rec["reference_message"] = msg
                result.records.append(rec)
        result.cell_errors = _stray_cell_errors(scratch, module)
    result.seconds = time.monotonic() - t0
    return result


def _autograded(scratch: Path, module: str, student: str) -> list[tuple[str, Any]]:
    folder = scratch / "autograded" / student / module
    return [(p.stem, nbformat.read(str(p), as_version=4)) for p in sorted(folder.glob("*.ipynb"))]


def _messages(scratch: Path, module: str, students: dict) -> dict[tuple[str, str], str]:
    out = {}
    for student in students:
        for _, nb in _autograded(scratch, module, student):
            for cell in nb.cells:
                if is_test_cell(cell):
                    errs = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
                    if errs:
                        out[(student, nbgrader_meta(cell)["grade_id"])] = f"{errs[0]['ename']}: {errs[0]['evalue']}"[:500]
    return out


def _stray_cell_errors(scratch: Path, module: str) -> list[str]:
    """Cells other than answer and test cells must run clean, in the reference and the blank run."""
    errors = []
    for student in ("reference", "blank"):
        for name, nb in _autograded(scratch, module, student):
            for i, cell in enumerate(nb.cells):
                if cell.cell_type != "code" or is_test_cell(cell) or is_answer_cell(cell):
                    continue
                for o in cell.get("outputs", []):
                    if o.get("output_type") == "error":
                        errors.append(f"{module}/{name}.ipynb cell {i} raised {o['ename']}: {o['evalue'][:200]} ({student} run)")
    return errors


def violations(records: list[dict]) -> list[str]:
    """Every rule of the self-check that the records break."""
    out = []
    from dblab.skills import SKILLS

    for gid, n in Counter(r["grade_id"] for r in records).items():
        if n > 1:
            out.append(f"{gid}: grade_id used by {n} problems")
    for r in records:
        g = r["grade_id"]
        if r["reference"] < r["points"]:
            out.append(f"{g}: reference scored {r['reference']}/{r['points']} ({r.get('reference_message', '')})")
        if r["blank"] > 0:
            out.append(f"{g}: untouched exercise scored {r['blank']}")
        if not r["hidden_tests"]:
            out.append(f"{g}: no hidden tests")
        if len(r["wrong"]) < 2:
            out.append(f"{g}: {len(r['wrong'])} wrong-answer case(s), need at least 2")
        if len(r["alt"]) < 1:
            out.append(f"{g}: no alternative correct answer case")
        if not r["skills"] or any(s not in SKILLS for s in r["skills"]):
            out.append(f"{g}: skills {r['skills']} (need at least one from dblab.skills)")
        for w in r["wrong"]:
            if w["points"] >= r["points"]:
                out.append(f"{g}: wrong case {w['case']} earned full marks")
        for a in r["alt"]:
            if a["points"] < r["points"]:
                out.append(f"{g}: alternative case {a['case']} scored {a['points']}/{r['points']} ({a.get('message', '')})")
    return out


def run(modules: list[str] | None = None, json_path: Path | None = None, seed: int = 7919,
        workers: int = 1, progress: bool = True) -> tuple[list[dict], list[str]]:
    modules = modules or course.modules()
    records: list[dict] = []
    problems: list[str] = []
    timings = {}
    if workers > 1 and len(modules) > 1:
        with ProcessPoolExecutor(workers) as pool:
            results = dict(zip(modules, pool.map(check_module, modules, [seed] * len(modules))))
    else:
        results = {}
        for m in modules:
            results[m] = check_module(m, seed)
            if progress:
                print(f"  {m}: {len(results[m].records)} problems in {results[m].seconds:.1f} s", flush=True)
    for m in modules:
        records += results[m].records
        problems += results[m].cell_errors
        timings[m] = round(results[m].seconds, 1)
    problems = violations(records) + problems
    if json_path:
        json_path.write_text(json.dumps({"seed": seed, "modules": timings, "problems": records,
                                         "violations": problems}, indent=1) + "\n")
    return records, problems
