"""Trusted verdicts: run the submission in an isolated answer runner, judge in this process.

The judge takes the test code from the course's source notebook (never from the submission),
asks the runner only for the answers' artifacts -- a SQL string, or calls of a function on
databases the judge prepared -- and compares what comes back with the reference here. The
submission's code never runs in this process, so patching `dblab.check`, `assert`, builtins or
IPython inside the notebook cannot change a verdict.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import isolation
from .codec import CodecError, decode, dumps, encode
from .problems import Problem, is_test_cell, nbgrader_meta

STATUSES = ("passed", "failed", "error", "timeout", "format_error", "contaminated", "infra_error")


class WorkerLost(Exception):
    """The answer runner died or overran its time; `reason` says which."""

    def __init__(self, reason: str, status: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status


@dataclass
class Limits:
    cell_timeout: float = 60.0
    call_timeout: float = 30.0
    notebook_timeout: float = 600.0
    memory_mb: int = 6144
    output_mb: int = 20


@dataclass
class CellOutcome:
    ok: bool
    output: str = ""
    ename: str = ""
    evalue: str = ""
    status: str = "ok"  # ok | error | timeout | crashed


@dataclass
class ProblemVerdict:
    grade_id: str
    cell_id: str
    status: str
    points: float
    max_points: float
    message: str = ""
    output: str = ""


@dataclass
class NotebookVerdict:
    problems: list[ProblemVerdict]
    cells: dict[int, CellOutcome] = field(default_factory=dict)
    isolation: str = "none"
    infra_error: str = ""


# ------------------------------------------------------------------------------ the runner
class Worker:
    """One answer-runner process and its two pipes."""

    def __init__(self, workdir: Path, hide: list[Path], limits: Limits) -> None:
        self.workdir, self.hide, self.limits = workdir, hide, limits
        self.proc: subprocess.Popen | None = None
        self.isolation = "none"
        self._buf = b""

    def start(self) -> None:
        req_r, req_w = os.pipe()
        resp_r, resp_w = os.pipe()
        cmd = [sys.executable, "-m", "grader.worker", str(req_r), str(resp_w),
               str(self.limits.memory_mb), str(self.limits.output_mb)]
        cmd, self.isolation = isolation.wrap(cmd, self.hide, [self.workdir])
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.workdir),
            "LANG": "C.UTF-8",
            "MPLBACKEND": "Agg",
            "PYTHONDONTWRITEBYTECODE": "1",
            "DBLAB_SANDBOX_DIR": str(self.workdir / "sandboxes"),
            "XDG_RUNTIME_DIR": str(self.workdir),
        }
        self.proc = subprocess.Popen(
            cmd, cwd=self.workdir, env=env, pass_fds=(req_r, resp_w), start_new_session=True,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(req_r)
        os.close(resp_w)
        self._req, self._resp = req_w, resp_r
        self._buf = b""
        hello = self._read(60.0)
        if not hello.get("ready"):
            raise WorkerLost("the answer runner did not start", "infra_error")

    def request(self, message: dict, timeout: float) -> dict:
        if self.proc is None:
            self.start()
        try:
            os.write(self._req, dumps(message))
        except (BrokenPipeError, OSError):
            raise self._lost("crashed")
        return self._read(timeout)

    def _read(self, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise self._lost("timeout", timeout)
            ready, _, _ = select.select([self._resp], [], [], left)
            if not ready:
                continue
            chunk = os.read(self._resp, 1 << 20)
            if not chunk:
                raise self._lost("crashed")
            self._buf += chunk
        line, self._buf = self._buf.split(b"\n", 1)
        try:
            return json.loads(line)
        except ValueError:
            raise self._lost("crashed")

    def _lost(self, what: str, timeout: float = 0.0) -> WorkerLost:
        code = self.stop()
        if what == "timeout":
            return WorkerLost(f"stopped after {timeout:g} s (time limit)", "timeout")
        if code is not None and code < 0:
            sig = signal.Signals(-code).name if -code in signal.Signals._value2member_map_ else str(-code)
            return WorkerLost(f"the Python process died (signal {sig})", "error")
        return WorkerLost(f"the Python process exited (exit code {code})", "error")

    def stop(self) -> int | None:
        if self.proc is None:
            return None
        proc, self.proc = self.proc, None
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        code = proc.wait()
        for fd in (self._req, self._resp):
            with contextlib.suppress(OSError):
                os.close(fd)
        return code


class AnswerSession:
    """Runs a submission's cells once; survives crashes by restarting and replaying good cells."""

    def __init__(self, cells: list[tuple[int, str]], hide: list[Path], limits: Limits) -> None:
        self.cells = cells
        self.limits = limits
        self.tmp = tempfile.TemporaryDirectory(prefix="dblab-answers-")
        self.workdir = Path(self.tmp.name)
        (self.workdir / "sandboxes").mkdir()
        for d in (self.workdir, self.workdir / "sandboxes"):
            os.chmod(d, 0o777)
        from dblab.sandbox import scratch_root

        # the judge's own databases (references, other problems) stay out of the runner's sight;
        # databases handed to an answer function are moved into the runner's directory first
        self.worker = Worker(self.workdir, hide + [scratch_root()], limits)
        self.good: list[str] = []
        self.outcomes: dict[int, CellOutcome] = {}
        self.deadline = time.monotonic() + limits.notebook_timeout

    def _left(self, want: float) -> float:
        return max(0.1, min(want, self.deadline - time.monotonic()))

    def run(self) -> dict[int, CellOutcome]:
        for index, source in self.cells:
            if time.monotonic() > self.deadline:
                self.outcomes[index] = CellOutcome(False, status="timeout", ename="Timeout",
                                                   evalue="the notebook's time limit was reached")
                continue
            try:
                reply = self.worker.request({"op": "run_cell", "source": source},
                                            self._left(self.limits.cell_timeout))
            except WorkerLost as lost:
                self.outcomes[index] = CellOutcome(False, status="timeout" if lost.status == "timeout" else "crashed",
                                                   ename="Timeout" if lost.status == "timeout" else "KernelDied",
                                                   evalue=f"this cell {lost.reason}")
                self._restart()
                continue
            outcome = CellOutcome(bool(reply.get("ok")), reply.get("output", ""),
                                  reply.get("ename", ""), reply.get("evalue", ""),
                                  "ok" if reply.get("ok") else "error")
            self.outcomes[index] = outcome
            if outcome.ok:
                self.good.append(source)
        return self.outcomes

    def _restart(self) -> None:
        """A new runner with every good cell replayed; a cell that kills the runner again on
        replay is dropped (its answer is lost, the others are not)."""
        for _attempt in range(len(self.good) + 2):
            self.worker.stop()
            try:
                self.worker.start()
            except WorkerLost:
                continue
            for i, source in enumerate(self.good):
                try:
                    self.worker.request({"op": "run_cell", "source": source}, self._left(self.limits.cell_timeout))
                except WorkerLost:
                    del self.good[i]  # the runner died replaying this cell: go on without it
                    break
            else:
                return
        raise WorkerLost("the answer runner could not be restarted", "infra_error")

    def get(self, name: str) -> dict:
        try:
            return self.worker.request({"op": "get", "name": name}, 30.0)
        except WorkerLost as lost:
            self._restart()
            return {"kind": "lost", "reason": lost.reason}

    def call(self, name: str, args: tuple, kwargs: dict) -> Any:
        from dblab.check import CheckFailed

        share = self.workdir / "sandboxes"
        handle = lambda value: _sandbox_handle(value, share)  # noqa: E731
        try:
            enc_args = encode(list(args), handle)
            enc_kwargs = encode(kwargs, handle)
        except CodecError as exc:
            raise RuntimeError(f"test passes an argument the runner cannot receive: {exc}") from exc
        try:
            reply = self.worker.request({"op": "call", "name": name, "args": enc_args, "kwargs": enc_kwargs},
                                        self._left(self.limits.call_timeout))
        except WorkerLost as lost:
            self._restart()
            if lost.status == "timeout":
                raise AnswerTimeout(f"your function {name}() {lost.reason}") from None
            raise CheckFailed(f"calling your function {name}() killed the Python process: {lost.reason}") from None
        if not reply.get("ok"):
            raise AnswerRaised(reply.get("ename", "Error"), reply.get("evalue", ""))
        try:
            return decode(reply.get("value"))
        except CodecError as exc:
            raise CheckFailed(f"{name}() returned something that cannot be graded: {exc}") from None

    def close(self) -> None:
        self.worker.stop()
        self.tmp.cleanup()


class AnswerTimeout(BaseException):
    """An answer function overran its time limit (a BaseException, so that a test's own
    `except Exception` cannot turn a timeout into an ordinary failure)."""


class AnswerRaised(Exception):
    """The answer function raised; carries the submission's own exception name and message."""

    def __init__(self, ename: str, evalue: str) -> None:
        super().__init__(f"{ename}: {evalue}")
        self.ename, self.evalue = ename, evalue


def _sandbox_handle(value: Any, share: Path) -> dict | None:
    """Handles for sandboxes (or their connections) passed to an answer function.

    The database is closed on the judge side (one writer at a time: DuckDB locks its file) and a
    file-backed one is moved into the runner's shared directory, the only place it can write.
    """
    from dblab.sandbox import Sandbox, open_sandboxes

    for db in open_sandboxes():
        as_ = "sandbox" if value is db else "con" if (db._con is not None and value is db._con) else None
        if as_ is not None:
            break
    else:
        if not isinstance(value, Sandbox):
            return None
        db, as_ = value, "sandbox"
    if db.engine == "postgres":
        # the answer connects as a role that owns the database but is no superuser
        learner = db if db.is_learner or "_learner" in str(db.location) else db.learner()
        db.close()
        return {**learner.handle(), "as": as_}
    db.close()
    if db.engine in ("sqlite", "duckdb"):
        here = Path(db.location)
        if here.parent != share:
            for suffix in ("", "-wal", "-journal", "-shm", ".wal"):
                p = Path(db.location + suffix)
                if p.exists():
                    p.rename(share / (here.name + suffix))
            db.location = str(share / here.name)
        for p in share.glob(here.name + "*"):
            with contextlib.suppress(PermissionError):
                os.chmod(p, 0o666)
    return {**db.handle(), "as": as_}


class RemoteFunction:
    """Stands for an answer function that lives in the answer runner."""

    def __init__(self, session: AnswerSession, name: str) -> None:
        self._session, self.__name__ = session, name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._session.call(self.__name__, args, kwargs)

    def __repr__(self) -> str:
        return f"<answer function {self.__name__}>"


# ------------------------------------------------------------------------------- the judge
def runner_cells(submission: Any, source: Any) -> list[tuple[int, str]]:
    """The code cells the runner executes: submission cells, with locked cells from the source,
    and no test cells at all (tests run in the judge)."""
    locked = {nbgrader_meta(c).get("grade_id"): c.source for c in source.cells
              if nbgrader_meta(c).get("locked") and not is_test_cell(c)}
    test_ids = {nbgrader_meta(c).get("grade_id") for c in source.cells if is_test_cell(c)}
    cells = []
    for i, cell in enumerate(submission.cells):
        if cell.get("cell_type") != "code":
            continue
        gid = nbgrader_meta(cell).get("grade_id")
        if gid in test_ids or is_test_cell(cell):
            continue
        cells.append((i, locked.get(gid, cell.get("source", ""))))
    return cells


def _format_problem(problem: Problem, submission: Any) -> str:
    """'' when the answer cell is present as a code cell, else what is wrong with it."""
    for cell in submission.cells:
        if nbgrader_meta(cell).get("grade_id") == problem.answer_cell_id:
            if cell.get("cell_type") != "code":
                return f"the answer cell of {problem.grade_id} is no longer a code cell"
            return ""
    return f"the answer cell of {problem.grade_id} was deleted"


def judge(submission: Any, source: Any, problems: list[Problem], hide: list[Path], seed: int,
          limits: Limits | None = None, canary: str | None = None) -> NotebookVerdict:
    """Grade one submission notebook against the problems of its source notebook."""
    from .problems import CANARY

    limits = limits or Limits()
    canary = canary or CANARY
    session = AnswerSession(runner_cells(submission, source), hide, limits)
    verdict = NotebookVerdict([])
    try:
        try:
            session.worker.start()
        except WorkerLost as lost:
            verdict.infra_error = lost.reason
            verdict.problems = [ProblemVerdict(p.grade_id, p.cell_id, "infra_error", 0.0, p.points, lost.reason) for p in problems]
            return verdict
        verdict.isolation = session.worker.isolation
        verdict.cells = session.run()
        answer_errors = _answer_cell_errors(submission, verdict.cells)
        for p in problems:
            verdict.problems.append(_judge_problem(p, submission, session, seed, answer_errors, canary))
    finally:
        session.close()
    return verdict


def _answer_cell_errors(submission: Any, cells: dict[int, CellOutcome]) -> dict[str, CellOutcome]:
    """{nbgrader answer-cell id: what happened when it ran}."""
    return {nbgrader_meta(c).get("grade_id", ""): cells[i] for i, c in enumerate(submission.cells) if i in cells}


def _judge_problem(p: Problem, submission: Any, session: AnswerSession, seed: int,
                   answer_errors: dict[str, CellOutcome], canary: str) -> ProblemVerdict:
    from dblab.check import AuthoringError, CheckFailed

    def verdict(status: str, message: str = "", output: str = "") -> ProblemVerdict:
        return ProblemVerdict(p.grade_id, p.cell_id, status, p.points if status == "passed" else 0.0, p.points, message, output)

    problem_fmt = _format_problem(p, submission)
    if problem_fmt:
        return verdict("format_error", problem_fmt)
    answer_text = next((c.get("source", "") for c in submission.cells
                        if nbgrader_meta(c).get("grade_id") == p.answer_cell_id), "")
    if canary in answer_text:
        return verdict("contaminated", "the answer contains the course's canary string (copied from the solutions)")
    cell = answer_errors.get(p.answer_cell_id)
    got = session.get(p.answer_name)
    kind = got.get("kind")
    if kind == "lost":
        return verdict("error", f"reading the answer {p.answer_name} {got.get('reason')}")
    if kind == "missing":
        why = ""
        if cell is not None and not cell.ok:
            if cell.status == "timeout":
                return verdict("timeout", f"no answer: the answer cell {cell.evalue}")
            if cell.status == "crashed":
                return verdict("error", f"no answer: the answer cell {cell.evalue}")
            why = f": the answer cell raised {cell.ename}: {cell.evalue}".rstrip(": ")
        return verdict("failed", f"no answer: `{p.answer_name}` is not defined{why}")
    if p.kind == "sql" and kind != "str":
        return verdict("failed", f"`{p.answer_name}` must be a SQL string, got {got.get('type', kind)}")
    if p.kind == "function" and kind != "callable":
        return verdict("failed", f"`{p.answer_name}` must be a function, got {got.get('type', kind)}")
    answer = got["value"] if kind == "str" else RemoteFunction(session, p.answer_name)
    namespace: dict[str, Any] = {"__name__": "__main__", p.answer_name: answer}
    out = io.StringIO()
    os.environ["DBLAB_HIDDEN_SEED"] = str(seed)
    os.environ["DBLAB_LOCKED_DUCKDB"] = "1"
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(p.test_source, f"<tests of {p.grade_id}>", "exec"), namespace)  # noqa: S102 - source notebook code
    except CheckFailed as exc:
        return verdict("failed", str(exc), out.getvalue())
    except AnswerTimeout as exc:
        return verdict("timeout", str(exc), out.getvalue())
    except AnswerRaised as exc:
        return verdict("failed", f"your answer raised {exc.ename}: {exc.evalue}", out.getvalue())
    except AuthoringError as exc:
        return verdict("error", f"problem authoring error: {exc}", out.getvalue())
    except AssertionError as exc:
        return verdict("failed", str(exc) or "a check failed", out.getvalue())
    except Exception as exc:  # noqa: BLE001 - anything else in the test is an error, not a pass
        return verdict("error", f"{type(exc).__name__}: {exc}", out.getvalue())
    return verdict("passed", "", out.getvalue())
