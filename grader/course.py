"""The course directory as nbgrader sees it: solutions/ is the source, exercises/ the release."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from traitlets.config import Config

ROOT = Path(__file__).resolve().parent.parent
MODULES = ["01-design", "02-performance", "03-integrity", "04-security", "05-distributed",
           "06-warehousing", "07-operations", "08-beyond-relational"]

# What the answer runner must never see: solutions, hidden tests and answer cases, other
# students' work, the gradebook, the history.
SECRET_DIRS = ["solutions", "tests", "source", "submitted", "autograded", "feedback", ".git",
               "exchange", "bench", "verdicts", ".dblab-staging"]
SECRET_FILES = ["gradebook.db"]


def ensure_venv_on_path() -> None:
    """nbgrader runs `alembic` as a subprocess: the venv's bin must be on PATH."""
    bindir = str(Path(sys.executable).parent)
    if bindir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bindir + os.pathsep + os.environ.get("PATH", "")


def secrets(root: Path = ROOT) -> list[Path]:
    return [root / d for d in SECRET_DIRS] + [root / f for f in SECRET_FILES]


def modules(root: Path = ROOT) -> list[str]:
    """Modules that have exercise sources."""
    src = root / "solutions"
    return [m for m in MODULES if (src / m).is_dir() and any((src / m).glob("*.ipynb"))]


def nbgrader_config(root: Path = ROOT, release: str = "exercises", trusted: bool = True,
                    workers_hide: list[Path] | None = None, seed: int | None = None) -> Config:
    """nbgrader configured on this course; `trusted` swaps nbgrader's in-kernel execution for
    the isolated answer runner plus the judge (grader.autograde.TrustedExecute)."""
    from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, IgnorePattern,
                                        LimitOutput, SaveAutoGrades)
    from nbconvert.preprocessors import ClearMetadataPreprocessor

    c = Config()
    c.CourseDirectory.root = str(root)
    c.CourseDirectory.course_id = "dblab"
    c.CourseDirectory.source_directory = "solutions"
    c.CourseDirectory.release_directory = release
    c.CourseDirectory.db_url = f"sqlite:///{root / 'gradebook.db'}"
    c.Exchange.root = str(root / "exchange")
    c.Exchange.course_id = "dblab"
    c.ClearSolutions.code_stub = {"python": "# YOUR ANSWER HERE\nraise NotImplementedError()"}
    c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
    c.Execute.timeout = 120
    c.OverwriteCells.add_missing_cells = True  # a deleted test cell comes back: no gain, no loss
    if trusted:
        from .autograde import TrustedExecute

        c.Autograde.autograde_preprocessors = [TrustedExecute, IgnorePattern, ClearMetadataPreprocessor,
                                               LimitOutput, SaveAutoGrades, AssignLatePenalties,
                                               CheckCellMetadata]
        c.TrustedExecute.course_root = str(root)
        if seed is not None:
            c.TrustedExecute.seed = seed
        if workers_hide is not None:
            c.TrustedExecute.hide = [str(p) for p in workers_hide]
    return c
