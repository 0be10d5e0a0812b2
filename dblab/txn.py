"""Replay fixed interleavings of transactions over several connections, step by step.

A *schedule* is a list of `(session, sql)` steps run in that order. On PostgreSQL each session
runs its statements in a thread of its own, so a step that waits for a lock does not stop the
schedule: the runner notices the wait through PostgreSQL's own
`pg_isolation_test_session_is_blocked()` (what PostgreSQL's isolation tester uses), marks the step
*blocked*, and goes on with the next step; the blocked step finishes when a later step releases
the lock, and its result says after which step that happened. Steps of a session that is waiting
are queued behind it. No sleeps and no timeouts decide an outcome: every step is run until it has
either finished or is provably waiting for another session.

A deadlock (sessions waiting for each other) is resolved by the runner, deterministically: the
session whose step closed the cycle is the victim, its statement is cancelled and reported with
SQLSTATE 40P01, as PostgreSQL would (PostgreSQL's own detector would pick a victim by timing).

SQLite and DuckDB connections run each step synchronously: neither waits for a lock here (SQLite
answers "database is locked" at once with `timeout=0`, DuckDB raises a conflict at once: first
writer wins), so their schedules are deterministic without threads.

Example:

    with sessions(db.location, "A", "B") as s:
        result = run_schedule(s, [("A", "BEGIN"), ("A", "UPDATE t SET v = 1"),
                                  ("B", "UPDATE t SET v = 2"),       # waits for A
                                  ("A", "COMMIT"), ("B", "SELECT v FROM t")])
    print(result)
"""

from __future__ import annotations

import contextlib
import time
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any, Iterator, Sequence

POLL = 0.002  # seconds between looks at a running step; only the speed depends on it
DEADLINE = 30.0  # a step that neither finishes nor waits on a session within this is an error


@dataclass
class StepResult:
    """What one step did. `finished_after` is the index of the step during which it finished
    (its own index unless it was blocked); None if it never finished."""

    index: int
    session: str
    sql: str
    rows: list[tuple] | None = None
    rowcount: int = -1
    error: str | None = None  # the exception's class name, e.g. "SerializationFailure"
    sqlstate: str | None = None
    message: str = ""
    blocked: bool = False
    finished_after: int | None = None
    tag: str = ""  # PostgreSQL's command tag: a COMMIT of a failed transaction answers ROLLBACK

    @property
    def ok(self) -> bool:
        return self.error is None and self.finished_after is not None

    @property
    def outcome(self) -> str:
        """A short, stable description: 'ok', 'ok -- waited until step 4', 'SerializationFailure
        (40001)', ..."""
        if self.finished_after is None:
            return "blocked, never finished"
        what = "ok"
        if self.error is not None:
            what = self.error + (f" ({self.sqlstate})" if self.sqlstate else "")
        elif self.tag == "ROLLBACK" and self.sql.strip().upper().startswith(("COMMIT", "END")):
            what = "ok, but rolled back (the transaction had failed)"
        if self.blocked and self.finished_after != self.index:
            what += f" -- waited until step {self.finished_after}"
        return what


@dataclass
class ScheduleResult:
    steps: list[StepResult] = field(default_factory=list)

    def __getitem__(self, i: int) -> StepResult:
        return self.steps[i]

    def __len__(self) -> int:
        return len(self.steps)

    def errors(self) -> list[StepResult]:
        return [s for s in self.steps if s.error is not None]

    def sqlstates(self) -> list[str]:
        return [s.sqlstate or s.error or "" for s in self.errors()]

    def __repr__(self) -> str:
        texts = [" ".join(s.sql.split()) for s in self.steps]
        width = min(80, max(map(len, texts), default=0))
        lines = []
        for s, sql in zip(self.steps, texts):
            shown = s.outcome
            if s.rows is not None and s.error is None:
                shown += f" -> {_rows_text(s.rows)}"
            sql = sql if len(sql) <= width else sql[: width - 1] + "…"
            lines.append(f"{s.index:>2} {s.session:<3} {sql:<{width}}  {shown}")
        return "\n".join(lines)

    def df(self):
        import pandas as pd

        return pd.DataFrame([
            {"step": s.index, "session": s.session, "sql": " ".join(s.sql.split()), "outcome": s.outcome,
             "rows": _rows_text(s.rows) if s.rows is not None and s.error is None else ""}
            for s in self.steps
        ])


def _rows_text(rows: list[tuple]) -> str:
    if len(rows) == 1 and len(rows[0]) == 1:
        return repr(rows[0][0])
    return repr(rows) if len(rows) <= 4 else f"{len(rows)} rows"


def _is_postgres(con: Any) -> bool:
    return type(con).__module__.startswith("psycopg")


def _execute(con: Any, sql: str) -> tuple[list[tuple] | None, int, str]:
    cur = con.execute(sql)
    rows = cur.fetchall() if cur.description else None
    count = getattr(cur, "rowcount", -1)
    tag = (getattr(cur, "statusmessage", "") or "") if _is_postgres(con) else ""
    return ([tuple(r) for r in rows] if rows is not None else None), count, tag


def _describe_error(result: StepResult, exc: BaseException) -> None:
    result.error = type(exc).__name__
    result.sqlstate = getattr(exc, "sqlstate", None)
    result.message = str(exc).splitlines()[0] if str(exc) else ""


# ------------------------------------------------------------------------------ the runner
def run_schedule(sessions: dict[str, Any], steps: Sequence[tuple[str, str]]) -> ScheduleResult:
    """Run `steps` -- (session name, SQL) pairs -- in order on the named connections.

    Connections must be in autocommit mode (transactions are the BEGIN/COMMIT you write).
    PostgreSQL connections (psycopg) may block and are watched; others run synchronously.
    Returns one StepResult per step, in schedule order. Open transactions are left as they are:
    roll them back (`reset(sessions)`) before reusing the connections.
    """
    unknown = {s for s, _ in steps} - set(sessions)
    if unknown:
        raise KeyError(f"steps name unknown session(s) {sorted(unknown)}; have {sorted(sessions)}")
    results = [StepResult(i, s, sql) for i, (s, sql) in enumerate(steps)]
    if not any(_is_postgres(c) for c in sessions.values()):
        for r in results:
            try:
                r.rows, r.rowcount, r.tag = _execute(sessions[r.session], r.sql)
            except Exception as exc:  # noqa: BLE001 - a failing step is an outcome, not a crash
                _describe_error(r, exc)
            r.finished_after = r.index
        return ScheduleResult(results)
    return _PostgresRun(sessions, results).run()


class _PostgresRun:
    def __init__(self, sessions: dict[str, Any], results: list[StepResult]) -> None:
        import psycopg

        self.sessions = sessions
        self.results = results
        self.pids = {name: con.info.backend_pid for name, con in sessions.items()}
        first = next(iter(sessions.values()))
        self.observer = psycopg.connect(first.info.dsn, password=first.info.password, autocommit=True)
        self.pool = {n: ThreadPoolExecutor(1, thread_name_prefix=f"txn-{n}") for n in sessions}
        self.queued: dict[str, list[int]] = {name: [] for name in sessions}
        self.running: dict[str, tuple[int, Future]] = {}
        self.blocked_since: dict[str, int] = {}  # session -> step index at which it was seen waiting
        self.now = 0
        for con in sessions.values():
            # PostgreSQL's own deadlock detector must not race the runner's (superusers only)
            with contextlib.suppress(Exception):
                con.execute("SET deadlock_timeout = '60s'")

    def run(self) -> ScheduleResult:
        try:
            for r in self.results:
                self.now = r.index
                self.queued[r.session].append(r.index)
                self._start_next(r.session)
                self._settle()
            self._settle(final=True)
        finally:
            for pool in self.pool.values():
                pool.shutdown(wait=True)
            self.observer.close()
        return ScheduleResult(self.results)

    def _start_next(self, name: str) -> None:
        if name in self.running or not self.queued[name]:
            return
        index = self.queued[name].pop(0)
        future = self.pool[name].submit(_execute, self.sessions[name], self.results[index].sql)
        self.running[name] = (index, future)

    def _finish(self, name: str) -> None:
        index, future = self.running.pop(name)
        self.blocked_since.pop(name, None)
        r = self.results[index]
        exc = future.exception()
        if exc is None:
            r.rows, r.rowcount, r.tag = future.result()
        else:
            _describe_error(r, exc)
        r.finished_after = self.now
        self._start_next(name)

    def _is_blocked(self, name: str) -> bool:
        others = [pid for n, pid in self.pids.items() if n != name]
        row = self.observer.execute("SELECT pg_isolation_test_session_is_blocked(%s, %s)",
                                    (self.pids[name], others)).fetchone()
        return bool(row and row[0])

    def _settle(self, final: bool = False) -> None:
        """Wait until every running step has finished or is waiting for another session."""
        deadline = time.monotonic() + DEADLINE
        while self.running:
            done = [n for n, (_, f) in self.running.items() if f.done()]
            for name in done:
                self._finish(name)
            if done:
                deadline = time.monotonic() + DEADLINE
                continue
            waiting = {n for n in self.running if self._is_blocked(n)}
            for n in waiting:
                if n not in self.blocked_since:
                    self.blocked_since[n] = self.now
                    self.results[self.running[n][0]].blocked = True
            if waiting == set(self.running):
                victim = self._deadlock_victim()
                if victim is not None:
                    self._cancel(victim, deadlock=True)
                    continue
                if not final:
                    return
                # the schedule is over and nothing will ever release these locks
                for n in sorted(waiting):
                    self._cancel(n, deadlock=False)
                continue
            if time.monotonic() > deadline:
                raise TimeoutError(f"a step ran {DEADLINE:g} s without finishing or waiting for a session")
            wait([f for _, f in self.running.values()], timeout=POLL, return_when=FIRST_COMPLETED)

    def _deadlock_victim(self) -> str | None:
        """The session whose wait closed a cycle of sessions waiting for each other, or None."""
        by_pid = {pid: n for n, pid in self.pids.items()}
        edges: dict[str, set[str]] = {}
        for n in self.running:
            row = self.observer.execute("SELECT pg_blocking_pids(%s)", (self.pids[n],)).fetchone()
            blockers = row[0] if row else []
            edges[n] = {by_pid[p] for p in blockers if p in by_pid}
        in_cycle = [n for n in edges if _reaches(edges, n, n)]
        if not in_cycle:
            return None
        return max(in_cycle, key=lambda n: (self.blocked_since.get(n, -1), self.running[n][0]))

    def _cancel(self, name: str, deadlock: bool) -> None:
        index, future = self.running[name]
        self.observer.execute("SELECT pg_cancel_backend(%s)", (self.pids[name],))
        with contextlib.suppress(Exception):
            future.exception()  # wait for the cancelled statement to return
        self.running.pop(name)
        self.blocked_since.pop(name, None)
        r = self.results[index]
        if deadlock:
            r.error, r.sqlstate = "DeadlockDetected", "40P01"
            r.message = "deadlock detected (the schedule runner chose this step as the victim)"
            r.finished_after = self.now
        else:
            r.error, r.sqlstate = "NeverUnblocked", None
            r.message = "still waiting for a lock when the schedule ended (cancelled)"
            r.finished_after = None
        # later steps of this session still run, as they would after an error
        self._start_next(name)


def _reaches(edges: dict[str, set[str]], start: str, goal: str) -> bool:
    seen, todo = set(), list(edges.get(start, ()))
    while todo:
        n = todo.pop()
        if n == goal:
            return True
        if n not in seen:
            seen.add(n)
            todo += edges.get(n, ())
    return False


# --------------------------------------------------------------------------------- helpers
@contextlib.contextmanager
def sessions(uri: str, *names: str) -> Iterator[dict[str, Any]]:
    """Open one autocommit psycopg connection per name on the PostgreSQL database `uri`."""
    import psycopg

    cons: dict[str, Any] = {}
    try:
        for n in names:
            cons[n] = psycopg.connect(uri, autocommit=True)
        yield cons
    finally:
        for con in cons.values():
            with contextlib.suppress(Exception):
                con.close()


def reset(sessions: dict[str, Any]) -> None:
    """Roll back whatever transaction each session left open."""
    for con in sessions.values():
        with contextlib.suppress(Exception):
            con.execute("ROLLBACK")


def interleavings(*transactions: Sequence[tuple[str, str]]) -> Iterator[list[tuple[str, str]]]:
    """Every merge of the given step lists that keeps each list's own order.

    Two transactions of m and n steps have C(m+n, n) interleavings (4 and 4 steps: 70).
    """
    lists = [list(t) for t in transactions]

    def merge(pos: tuple[int, ...]) -> Iterator[list[tuple[str, str]]]:
        if all(p == len(t) for p, t in zip(pos, lists)):
            yield []
            return
        for i, t in enumerate(lists):
            if pos[i] < len(t):
                nxt = pos[:i] + (pos[i] + 1,) + pos[i + 1:]
                for rest in merge(nxt):
                    yield [t[pos[i]]] + rest

    yield from merge(tuple(0 for _ in lists))


def steps_of(session: str, *sql: str) -> list[tuple[str, str]]:
    """`steps_of("A", "BEGIN", "UPDATE ...", "COMMIT")` -> [("A", "BEGIN"), ...]."""
    return [(session, s) for s in sql]



def as_learner(db: Any) -> Any:
    """The PostgreSQL sandbox `db` as seen by a login role that owns it but is no superuser:
    the database to hand to a graded function answer (`check.call(fn, learner.con)`)."""
    if db.engine != "postgres":
        raise ValueError("as_learner() is for PostgreSQL sandboxes")
    return db.learner()
