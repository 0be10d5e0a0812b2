"""`grader collect`: submissions from a folder or an LMS zip into submitted/<student>/<assignment>/.

Understands Canvas file names (`smithjane_12345_67890_notebook.ipynb`, resubmissions `-1`),
Moodle folders (`Jane Smith_12345_assignsubmission_file_/notebook.ipynb`) and plain
`<student>/notebook.ipynb`. A mapping CSV (`lms_id,student_id`) turns LMS ids into course ids.
Every file gets a line in the report: accepted, or rejected and why.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MAX_ENTRY_BYTES = 60 * 2**20

_CANVAS = re.compile(r"^(?P<name>[a-z]+)_(?:late_)?(?P<id>\d+)_(?P<sub>\d+)_(?P<file>.+)$")
_MOODLE = re.compile(r"^(?P<name>.+?)_(?P<id>\d+)_assignsubmission_file_?$")
_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")


@dataclass
class Outcome:
    entry: str
    accepted: bool
    reason: str
    student: str = ""
    notebook: str = ""


def load_mapping(path: Path | None) -> dict[str, str]:
    if path is None:
        return {}
    with open(path, newline="") as f:
        return {row["lms_id"].strip(): row["student_id"].strip() for row in csv.DictReader(f)}


def identify(entry: str, mapping: dict[str, str]) -> tuple[str, str] | None:
    """(student, file name) for one archive/folder entry, or None if it cannot be attributed."""
    parts = PurePosixPath(entry).parts
    fname = parts[-1]
    m = _CANVAS.match(fname)
    if m:
        lms = m.group("id")
        return mapping.get(lms, mapping.get(m.group("name"), m.group("name"))), m.group("file")
    if len(parts) >= 2:
        folder = parts[-2] if len(parts) == 2 or not parts[-2] else parts[0]
        mm = _MOODLE.match(parts[0])
        if mm:
            lms = mm.group("id")
            return mapping.get(lms, _SAFE.sub("", mm.group("name").replace(" ", "_")).lower()), fname
        return mapping.get(parts[0], parts[0]), fname
    return None


def _notebook_name(fname: str, known: set[str]) -> str | None:
    stem = fname[:-6] if fname.endswith(".ipynb") else fname
    if stem in known:
        return stem
    base = re.sub(r"-\d+$", "", stem)  # Canvas resubmission suffix
    return base if base in known else None


def collect(source: Path, assignment: str, root: Path, mapping_file: Path | None = None) -> list[Outcome]:
    known = {p.stem for p in (root / "solutions" / assignment).glob("*.ipynb")}
    if not known:
        raise SystemExit(f"unknown assignment {assignment!r}: no notebooks in solutions/{assignment}/")
    mapping = load_mapping(mapping_file)
    outcomes: list[Outcome] = []
    seen: set[tuple[str, str]] = set()
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f %Z")

    def accept(entry: str, is_link: bool, size: int, read) -> None:
        posix = PurePosixPath(entry)
        if posix.is_absolute() or ".." in posix.parts:
            outcomes.append(Outcome(entry, False, "path traversal (absolute path or '..')"))
            return
        if is_link:
            outcomes.append(Outcome(entry, False, "a link, not a file"))
            return
        if not entry.endswith(".ipynb"):
            outcomes.append(Outcome(entry, False, "not a notebook (.ipynb)"))
            return
        if size > MAX_ENTRY_BYTES:
            outcomes.append(Outcome(entry, False, f"{size / 2**20:.0f} MB is over the {MAX_ENTRY_BYTES // 2**20} MB limit"))
            return
        who = identify(entry, mapping)
        if who is None:
            outcomes.append(Outcome(entry, False, "cannot tell whose submission this is"))
            return
        student = _SAFE.sub("", who[0])
        notebook = _notebook_name(who[1], known)
        if not student or notebook is None:
            outcomes.append(Outcome(entry, False, f"not a notebook of {assignment}", student))
            return
        if (student, notebook) in seen:
            outcomes.append(Outcome(entry, False, "duplicate: this student's notebook was already collected", student, notebook))
            return
        seen.add((student, notebook))
        dest = root / "submitted" / student / assignment
        dest.mkdir(parents=True, exist_ok=True)
        (dest / f"{notebook}.ipynb").write_bytes(read())
        (dest / "timestamp.txt").write_text(stamp)
        outcomes.append(Outcome(entry, True, "collected", student, notebook))

    if source.is_file() and zipfile.is_zipfile(source):
        with zipfile.ZipFile(source) as z:
            for info in z.infolist():
                if info.is_dir():
                    continue
                mode = info.external_attr >> 16
                accept(info.filename, stat.S_ISLNK(mode), info.file_size, lambda i=info: z.read(i))
    elif source.is_dir():
        for p in sorted(source.rglob("*")):
            if p.is_dir() and not p.is_symlink():
                continue
            rel = p.relative_to(source).as_posix()
            size = 0 if p.is_symlink() else p.stat().st_size
            accept(rel, p.is_symlink(), size, lambda p=p: p.read_bytes())
    else:
        raise SystemExit(f"{source} is neither a folder nor a zip file")
    return outcomes
