"""Verdicts: compare results under a declared contract, probe schemas, check functions.

Every check raises `CheckFailed` (an AssertionError) with a message a trainee can act on, or
prints a short pass line. Inside `with hidden():` messages describe *what kind* of difference
there is, never the hidden rows themselves.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
import math
import os
from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator

from .sandbox import Result, Sandbox

_reveal = [True]


class CheckFailed(AssertionError):
    """The answer is wrong; the message says how."""


class AuthoringError(Exception):
    """The problem itself is broken (e.g. a reference answer that depends on ties)."""


@contextlib.contextmanager
def hidden() -> Iterator[None]:
    """Checks inside this block never print the data they ran on."""
    _reveal.append(False)
    try:
        yield
    finally:
        _reveal.pop()


def revealing() -> bool:
    return _reveal[-1]


def hidden_seed(offset: int = 0) -> int:
    """The seed of the hidden data: re-randomised by the grader for every grading run."""
    return int(os.environ.get("DBLAB_HIDDEN_SEED", "7919")) + offset


def passed(message: str) -> None:
    """Tell the trainee a check passed."""
    print(f"✔ {message}")


def fail(message: str) -> None:
    raise CheckFailed(message)


# ------------------------------------------------------------------------------ contracts
@dataclass(frozen=True)
class Contract:
    """How a result is compared with the expected one; declared by each problem.

    ordered: the row order matters (the query has a meaningful ORDER BY).
    columns: "names" (matched by name, any order, case-insensitive) or "positions".
    float_tol: absolute-or-relative tolerance for numbers.
    NULL only ever equals NULL: never 0, '' or 'NULL'.
    Numbers compare by value whatever their type (int, float, Decimal); dates by ISO text.
    """

    ordered: bool = False
    columns: str = "names"
    float_tol: float = 1e-6

    def describe(self) -> str:
        order = "rows in order" if self.ordered else "rows as a bag (order ignored, duplicates count)"
        cols = "columns matched by name" if self.columns == "names" else "columns matched by position"
        return f"{order}; {cols}; numbers within {self.float_tol:g}; NULL equals only NULL"

    def as_dict(self) -> dict[str, Any]:
        return {"ordered": self.ordered, "columns": self.columns, "float_tol": self.float_tol}


BAG = Contract()
ORDERED = Contract(ordered=True)


def _norm(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat().replace("T", " ")
    if isinstance(value, memoryview):
        return bytes(value)
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # numpy scalars
        try:
            return _norm(value.item())
        except (TypeError, ValueError):
            return value
    return value


def _sort_key(value: Any) -> tuple:
    if value is None:
        return (0, 0)
    if isinstance(value, (int, float)):
        return (1, 0 if math.isnan(value) else round(value, 6))
    return (2, str(value))


def _values_equal(a: Any, b: Any, tol: float) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
            return True
        return math.isclose(a, b, rel_tol=tol, abs_tol=tol)
    return a == b


def _rows_equal(r1: tuple, r2: tuple, tol: float) -> bool:
    return len(r1) == len(r2) and all(_values_equal(a, b, tol) for a, b in zip(r1, r2))


def _fmt_row(row: tuple) -> str:
    return "(" + ", ".join("NULL" if v is None else repr(v) for v in row) + ")"


def _align(actual: Result, expected: Result, contract: Contract) -> list[tuple]:
    """Actual rows with columns rearranged to the expected order (or CheckFailed)."""
    if contract.columns == "positions":
        if len(actual.columns) != len(expected.columns):
            fail(f"expected {len(expected.columns)} columns, got {len(actual.columns)}: {actual.columns}")
        return [tuple(_norm(v) for v in r) for r in actual.rows]
    got = [c.lower() for c in actual.columns]
    want = [c.lower() for c in expected.columns]
    missing = [c for c in want if c not in got]
    extra = [c for c in got if c not in want]
    if missing or extra or len(got) != len(want):
        parts = []
        if missing:
            parts.append(f"missing column(s) {missing}")
        if extra:
            parts.append(f"unexpected column(s) {extra}")
        if not parts:
            parts.append(f"duplicate column names in {actual.columns}")
        fail("; ".join(parts) + f" -- expected columns {expected.columns}")
    idx = [got.index(c) for c in want]
    return [tuple(_norm(r[i]) for i in idx) for r in actual.rows]


def compare(actual: Result, expected: Result, contract: Contract = BAG, what: str = "result") -> None:
    """Raise CheckFailed unless `actual` matches `expected` under `contract`."""
    rows = _align(actual, expected, contract)
    exp = [tuple(_norm(v) for v in r) for r in expected.rows]
    tol = contract.float_tol
    reveal = revealing()
    where = "" if reveal else " on the hidden data"
    if not contract.ordered:
        rows = sorted(rows, key=lambda r: tuple(_sort_key(v) for v in r))
        exp = sorted(exp, key=lambda r: tuple(_sort_key(v) for v in r))
    if len(rows) == len(exp) and all(_rows_equal(a, b, tol) for a, b in zip(rows, exp)):
        return
    # Build a useful diff: bag difference with tolerance-free keys (rounded numbers).
    key = lambda r: tuple(_sort_key(v) for v in r)  # noqa: E731
    got_c, exp_c = Counter(map(key, rows)), Counter(map(key, exp))
    missing = list((exp_c - got_c).elements())
    unexpected = list((got_c - exp_c).elements())
    if contract.ordered and not missing and not unexpected:
        first = next(i for i, (a, b) in enumerate(zip(rows, exp)) if not _rows_equal(a, b, tol))
        msg = f"the {what} has the right rows but in the wrong order{where} (first difference at row {first + 1})"
        if reveal:
            msg += f": expected {_fmt_row(exp[first])}, got {_fmt_row(rows[first])}"
        fail(msg)
    msg = f"the {what} differs{where}: expected {len(exp)} rows, got {len(rows)}"
    if missing:
        msg += f"; {len(missing)} expected row(s) missing"
    if unexpected:
        msg += f"; {len(unexpected)} unexpected row(s)"
    dup = [r for r, n in Counter(map(key, rows)).items() if n > 1]
    if dup and not any(n > 1 for n in Counter(map(key, exp)).values()):
        msg += "; your result has duplicate rows (DISTINCT? a join that multiplies rows?)"
    null_hint = _null_hint(missing, unexpected)
    if null_hint:
        msg += f"; {null_hint}"
    if reveal:
        show = lambda rs: "\n    ".join(_fmt_row(tuple(v[1] if v[0] else None for v in r)) for r in rs[:5])  # noqa: E731
        if missing:
            msg += "\n  missing (first 5):\n    " + show(missing)
        if unexpected:
            msg += "\n  unexpected (first 5):\n    " + show(unexpected)
    fail(msg)


def _null_hint(missing: list[tuple], unexpected: list[tuple]) -> str:
    exp_nulls = sum(1 for r in missing for v in r if v[0] == 0)
    got_nulls = sum(1 for r in unexpected for v in r if v[0] == 0)
    if exp_nulls and not got_nulls:
        return "the expected rows contain NULLs yours do not (COALESCE where it should not be? an INNER JOIN that should be LEFT?)"
    if got_nulls and not exp_nulls:
        return "your rows contain NULLs where values are expected"
    return ""


# --------------------------------------------------------------------------- SQL answers
def run_answer(db: Sandbox, sql: Any, timeout: float = 20.0) -> Result:
    """Run an answer query on `db` inside a rolled-back transaction; errors become CheckFailed."""
    if not isinstance(sql, str):
        fail(f"the answer must be a SQL string, got {type(sql).__name__}")
    if not sql.strip():
        fail("the answer is an empty SQL string")
    if db.engine == "postgres" and not getattr(db, "is_learner", False):
        db = db.reader()  # never run submitted SQL as the superuser
    try:
        return db.query_rolled_back(sql, timeout=timeout)
    except CheckFailed:
        raise
    except Exception as exc:  # the engine's own error is what the trainee needs to see
        _rollback_quietly(db)
        fail(f"your query failed on {db.engine}{'' if revealing() else ' (hidden data)'}: {type(exc).__name__}: {exc}")


def _rollback_quietly(db: Sandbox) -> None:
    with contextlib.suppress(Exception):
        db.execute("ROLLBACK")


class Expected:
    """Recorded results of a reference query on the visible data, standing in for the query.

    Released exercises carry these instead of reference SQL (grader release records them), so
    a visible test still shows a useful diff without handing out the answer. Each use takes the
    next recorded result, in the order the test cell asks for them.
    """

    def __init__(self, packed: str) -> None:
        import base64
        import json
        import zlib

        data = json.loads(zlib.decompress(base64.b64decode(packed)))
        self._results = [Result(r["columns"], [tuple(row) for row in r["rows"]]) for r in data]
        self._next = 0

    @staticmethod
    def pack(results: list[Result]) -> str:
        import base64
        import json
        import zlib

        data = [{"columns": r.columns, "rows": [[_norm(v) for v in row] for row in r.rows]} for r in results]
        return base64.b64encode(zlib.compress(json.dumps(data, separators=(",", ":")).encode(), 9)).decode()

    def take(self) -> Result:
        result = self._results[min(self._next, len(self._results) - 1)]
        self._next += 1
        return result


_recorder: list[list] = []  # set by grader release while it records reference results


def same_result(db: Sandbox, answer_sql: Any, reference_sql: "str | Expected", contract: Contract = BAG,
                what: str = "result") -> None:
    """The answer query returns what the reference returns on `db`, under `contract`."""
    if isinstance(reference_sql, Expected):
        expected = reference_sql.take()
    else:
        tie = order_limit_ties(db, reference_sql, contract)
        if tie:
            raise AuthoringError(f"reference answer is not deterministic: {tie}")
        expected = db.query_rolled_back(reference_sql)
        if _recorder:
            if not contract.ordered:  # a canonical order: the release must not depend on the engine's
                expected = Result(expected.columns, sorted(expected.rows, key=lambda r: tuple(_sort_key(_norm(v)) for v in r)))
            _recorder[-1].append((reference_sql, expected))
    actual = run_answer(db, answer_sql)
    compare(actual, expected, contract, what)


def expect_rows(actual: Result, expected_rows: Iterable[tuple], columns: list[str], contract: Contract = BAG) -> None:
    compare(actual, Result(columns, [tuple(r) for r in expected_rows]), contract)


def order_limit_ties(db: Sandbox, sql: str, contract: Contract = BAG) -> str | None:
    """Describe how the result of `sql` depends on ties under ORDER BY ... LIMIT, or None.

    Runs the query without LIMIT and looks at the ORDER BY keys around the cut (and, for an
    ordered contract, between neighbours inside the kept rows).
    """
    import sqlglot
    from sqlglot import exp

    dialect = {"sqlite": "sqlite", "duckdb": "duckdb", "postgres": "postgres"}[db.engine]
    try:
        tree = sqlglot.parse_one(sql, read=dialect)
    except sqlglot.errors.ParseError:
        return None
    if not isinstance(tree, exp.Query) or not tree.args.get("limit") or not tree.args.get("order"):
        if isinstance(tree, exp.Query) and tree.args.get("order") and contract.ordered:
            limit, offset = None, 0
        else:
            return None
    else:
        limit_node = tree.args["limit"]
        try:
            limit = int(limit_node.expression.name)
            offset = int(tree.args["offset"].expression.name) if tree.args.get("offset") else 0
        except (AttributeError, ValueError):
            return None
    keys = tree.args["order"].expressions
    unlimited = tree.copy()
    unlimited.set("limit", None)
    unlimited.set("offset", None)
    if not isinstance(unlimited, exp.Select):
        return None
    k = len(keys)
    projections = list(unlimited.expressions)
    aliases = {p.alias: p.this for p in projections if isinstance(p, exp.Alias)}

    def key_expr(node: exp.Expression) -> exp.Expression:
        if isinstance(node, exp.Column) and not node.table and node.name in aliases:
            return aliases[node.name].copy()
        if isinstance(node, exp.Literal) and node.is_int and 0 < int(node.name) <= len(projections):
            target = projections[int(node.name) - 1]
            return (target.this if isinstance(target, exp.Alias) else target).copy()
        return node.copy()

    extra = [exp.alias_(key_expr(o.this), f"_dblab_k{i}") for i, o in enumerate(keys)]
    if unlimited.args.get("distinct"):
        return None
    # appended, not prepended: positional GROUP BY / ORDER BY references must keep their meaning
    unlimited.set("expressions", projections + extra)
    try:
        res = db.query_rolled_back(unlimited.sql(dialect=dialect))
    except Exception:
        _rollback_quietly(db)
        return None
    rows = [r[-k:] + r[:-k] for r in res.rows]  # keys first
    kept_end = len(rows) if limit is None else offset + limit
    if limit is not None and 0 < kept_end < len(rows) and rows[kept_end - 1][:k] == rows[kept_end][:k]:
        return f"rows {kept_end} and {kept_end + 1} tie on the ORDER BY keys, so LIMIT picks one arbitrarily"
    if offset and 0 < offset < len(rows) and rows[offset - 1][:k] == rows[offset][:k]:
        return f"rows {offset} and {offset + 1} tie at the OFFSET"
    if contract.ordered:
        window = rows[offset:kept_end]
        for a, b in zip(window, window[1:]):
            if a[:k] == b[:k] and a[k:] != b[k:]:
                return "two kept rows tie on the ORDER BY keys, so their order is arbitrary"
    return None


# ---------------------------------------------------------------------------- schema probes
def _is_constraint_error(exc: BaseException) -> bool:
    name = type(exc).__name__
    mod = type(exc).__module__
    if name in ("IntegrityError", "ConstraintException"):
        return True
    if mod.startswith("psycopg"):
        sqlstate = getattr(exc, "sqlstate", "") or ""
        return sqlstate.startswith("23") or sqlstate == "P0001"
    return False


def probe(db: Sandbox, accept: dict[str, str] | None = None, reject: dict[str, str] | None = None) -> None:
    """Each `accept` statement must succeed; each `reject` must fail with a constraint error.

    Every probe runs in its own transaction, rolled back afterwards; keys are the labels shown.
    """
    for label, stmt in (accept or {}).items():
        err = _try_rolled_back(db, stmt)
        if err is not None:
            fail(f"a valid row was refused ({label}): {type(err).__name__}: {err}")
    for label, stmt in (reject or {}).items():
        err = _try_rolled_back(db, stmt)
        if err is None:
            fail(f"an invalid row was accepted ({label}): the schema must reject it")
        if not _is_constraint_error(err):
            fail(f"probe '{label}' failed for another reason than a constraint: {type(err).__name__}: {err}")


def _try_rolled_back(db: Sandbox, stmt: str) -> BaseException | None:
    db.execute("BEGIN")
    try:
        db.execute(stmt)
        return None
    except Exception as exc:
        return exc
    finally:
        _rollback_quietly(db)


def has_table(db: Sandbox, table: str, columns: Iterable[str] = ()) -> None:
    from .catalog import describe

    schema = describe(db)
    names = {t.lower(): t for t in schema}
    if table.lower() not in names:
        fail(f"there is no table {table!r} (tables: {sorted(schema)})")
    have = {c.lower() for c in schema[names[table.lower()]].column_names}
    missing = [c for c in columns if c.lower() not in have]
    if missing:
        fail(f"table {table!r} lacks column(s) {missing}")


# ------------------------------------------------------------------------- function answers
def is_callable(answer: Any, name: str) -> None:
    if not callable(answer):
        fail(f"{name} must be a function, got {type(answer).__name__}")


def call(answer: Callable, *args: Any, label: str = "") -> Any:
    """Call an answer function; its exceptions become CheckFailed with the call's label."""
    try:
        return answer(*args)
    except CheckFailed:
        raise
    except Exception as exc:
        where = f" ({label})" if label and revealing() else ""
        # an answer running in the grader's runner reports its own exception's name and message
        name, message = getattr(exc, "ename", type(exc).__name__), getattr(exc, "evalue", str(exc))
        fail(f"your function raised {name}: {message}{where}")


def equal(actual: Any, expected: Any, label: str) -> None:
    """`actual == expected`, with a message naming `label` (and the values unless hidden)."""
    if _norm_py(actual) == _norm_py(expected):
        return
    if revealing():
        fail(f"{label}: expected {expected!r}, got {actual!r}")
    fail(f"{label}: wrong value on the hidden data (got a {type(actual).__name__})")


def _norm_py(v: Any) -> Any:
    if isinstance(v, (set, frozenset)):
        return frozenset(_norm_py(x) for x in v)
    if isinstance(v, (list, tuple)):
        return tuple(_norm_py(x) for x in v)
    if isinstance(v, dict):
        return {k: _norm_py(x) for k, x in v.items()}
    return _norm(v)
