"""nbgrader's autograde with the trusted judge in place of in-kernel execution."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Float, Int, List, Unicode

from . import course
from .judge import Limits, judge
from .problems import is_test_cell, nbgrader_meta, problems_of


class TrustedExecute(NbGraderPreprocessor):
    """Runs the submission's cells in the isolated answer runner, judges the tests here, and
    writes the verdicts as cell outputs so nbgrader's SaveAutoGrades records them."""

    course_root = Unicode(str(course.ROOT)).tag(config=True)
    seed = Int(7919).tag(config=True)
    hide = List(Unicode(), default_value=None, allow_none=True).tag(config=True)
    cell_timeout = Float(60.0).tag(config=True)
    call_timeout = Float(30.0).tag(config=True)
    notebook_timeout = Float(600.0).tag(config=True)
    memory_mb = Int(6144).tag(config=True)

    def preprocess(self, nb: Any, resources: dict) -> tuple[Any, dict]:
        info = resources.get("nbgrader", {})
        root = Path(self.course_root)
        source_path = root / "solutions" / info["assignment"] / f"{info['notebook']}.ipynb"
        source = nbformat.read(str(source_path), as_version=4)
        problems = problems_of(source_path, info["assignment"])
        hide = [Path(p) for p in self.hide] if self.hide is not None else course.secrets(root)
        hide += [p for p in course.secrets(course.ROOT) if p not in hide]  # the installed course too
        limits = Limits(self.cell_timeout, self.call_timeout, self.notebook_timeout, self.memory_mb)
        verdict = judge(nb, source, problems, hide, self.seed, limits)
        by_id = {v.cell_id: v for v in verdict.problems}
        for i, cell in enumerate(nb.cells):
            if cell.get("cell_type") != "code":
                continue
            cell.outputs = []
            gid = nbgrader_meta(cell).get("grade_id")
            if is_test_cell(cell) and gid in by_id:
                v = by_id[gid]
                if v.output:
                    cell.outputs.append(nbformat.v4.new_output("stream", name="stdout", text=v.output))
                if v.status != "passed":
                    cell.outputs.append(nbformat.v4.new_output(
                        "error", ename=v.status, evalue=v.message, traceback=[f"{v.status}: {v.message}"]))
            elif i in verdict.cells:
                out = verdict.cells[i]
                if out.output:
                    cell.outputs.append(nbformat.v4.new_output("stream", name="stdout", text=out.output))
                if not out.ok:
                    cell.outputs.append(nbformat.v4.new_output(
                        "error", ename=out.ename, evalue=out.evalue, traceback=[f"{out.ename}: {out.evalue}"]))
        self._save(root, info, verdict)
        return nb, resources

    def _save(self, root: Path, info: dict, verdict: Any) -> None:
        """The statuses and messages nbgrader has no place for: verdicts/<assignment>/<student>/."""
        import json
        import os

        folder = root / "verdicts" / info["assignment"] / str(info.get("student", "."))
        folder.mkdir(parents=True, exist_ok=True)
        records = [{**vars(v), "isolation": verdict.isolation} for v in verdict.problems]
        tmp = folder / f"{info['notebook']}.tmp"
        tmp.write_text(json.dumps(records, indent=1))
        os.replace(tmp, folder / f"{info['notebook']}.json")
