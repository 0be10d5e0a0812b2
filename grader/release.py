"""`grader release`: exercises/ generated from solutions/ by nbgrader, and the hints file."""

from __future__ import annotations

import contextlib
import filecmp
import io
import json
import logging
import os
import shutil
import tempfile
from pathlib import Path

from . import course
from .problems import problems_of

HINTS = course.ROOT / "dblab" / "hints.json"


def generate(root: Path, release_dir: Path, modules: list[str], seal: bool = True) -> None:
    """Run nbgrader generate_assignment for each module, writing into `release_dir`; `seal`
    replaces reference queries in visible tests by their recorded results (grader.seal)."""
    from nbgrader.apps import NbGraderAPI

    course.ensure_venv_on_path()
    cfg = course.nbgrader_config(root, release=str(release_dir), trusted=False)
    api = NbGraderAPI(config=cfg)
    api.log.setLevel(logging.ERROR)
    for module in modules:
        with contextlib.redirect_stdout(io.StringIO()):
            result = api.generate_assignment(module, force=True, create=True)
        if not result["success"]:
            raise RuntimeError(f"nbgrader generate_assignment failed for {module}:\n{result['log']}\n{result.get('error', '')}")
        for extra in (release_dir / module).glob("*"):  # nbgrader copies non-notebook files too
            if extra.name.startswith(".ipynb_checkpoints"):
                shutil.rmtree(extra, ignore_errors=True)
        from .seal import seal_notebook

        for released in sorted((release_dir / module).glob("*.ipynb")) if seal else []:
            seal_notebook(released, root / "solutions" / module / released.name, module)


def hints_text(root: Path, modules: list[str]) -> str:
    hints = {}
    for module in modules:
        for nb in sorted((root / "solutions" / module).glob("*.ipynb")):
            for p in problems_of(nb, module):
                hints[p.grade_id] = p.hints
    return json.dumps(hints, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def release(root: Path = course.ROOT, only: list[str] | None = None) -> list[str]:
    """Regenerate exercises/ (all modules, or `only` these) and dblab/hints.json in place."""
    modules = [m for m in course.modules(root) if not only or m in only]
    with tempfile.TemporaryDirectory() as tmp:
        scratch = _scratch_course(root, Path(tmp))
        generate(scratch, Path(tmp) / "exercises", modules)
        for module in modules:
            target = root / "exercises" / module
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(Path(tmp) / "exercises" / module, target)
    HINTS.write_text(hints_text(root, course.modules(root)))
    return modules


def check(root: Path = course.ROOT) -> list[str]:
    """Differences between the committed exercises/ (and hints) and a fresh release."""
    modules = course.modules(root)
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        scratch = _scratch_course(root, Path(tmp))
        fresh = Path(tmp) / "exercises"
        generate(scratch, fresh, modules)
        committed = root / "exercises"
        for module in modules:
            cmp = filecmp.dircmp(fresh / module, committed / module) if (committed / module).is_dir() else None
            if cmp is None:
                problems.append(f"exercises/{module}/ is missing (run `grader release`)")
                continue
            problems += [f"exercises/{module}/{f} is missing" for f in cmp.left_only]
            problems += [f"exercises/{module}/{f} is not generated from solutions/" for f in cmp.right_only]
            for f in cmp.common_files:
                if (fresh / module / f).read_bytes() != (committed / module / f).read_bytes():
                    problems.append(f"exercises/{module}/{f} differs from what solutions/ generates")
        stray = sorted(p.name for p in committed.glob("*") if p.is_dir() and p.name not in modules)
        problems += [f"exercises/{s}/ has no source in solutions/" for s in stray]
    if not HINTS.exists() or HINTS.read_text() != hints_text(root, modules):
        problems.append("dblab/hints.json is out of date")
    return problems


def _scratch_course(root: Path, tmp: Path) -> Path:
    """A course root whose solutions/ is the real one and whose gradebook is throwaway."""
    scratch = tmp / "course"
    scratch.mkdir()
    os.symlink(root / "solutions", scratch / "solutions")
    return scratch
