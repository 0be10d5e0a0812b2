"""Work counters: how much a query does, measured deterministically on three engines.

Performance here is graded on *work done*, never on wall-clock time:

- SQLite: virtual-machine steps (one per bytecode instruction, counted with
  `set_progress_handler`) and the lines of `EXPLAIN QUERY PLAN`;
- PostgreSQL: shared buffers touched (hit + read) and rows removed by filters, from
  `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)`;
- DuckDB: rows and row groups scanned (and Parquet files read), from
  `EXPLAIN (ANALYZE, FORMAT JSON)` — which, unlike plain `EXPLAIN`, shows an ART index scan
  and works on a locked connection.

`measure(db, query)` picks the right counters for a sandbox and returns a `Work`.
"""

from __future__ import annotations

import itertools
import json
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from .show import PlanNode

# ------------------------------------------------------------------------------------ SQLite


def sqlite_steps(con: sqlite3.Connection, query: str, params: Iterable | dict = ()) -> tuple[int, int]:
    """(VM steps, rows returned) for running `query` to completion on a sqlite3 connection.

    SQLite calls the progress handler every N virtual-machine instructions; with N = 1 the
    count of calls is the number of instructions executed: the same on every machine.
    """
    steps = 0

    def tick() -> int:
        nonlocal steps
        steps += 1
        return 0

    con.set_progress_handler(tick, 1)
    try:
        rows = con.execute(query, params if isinstance(params, dict) else tuple(params)).fetchall()
    finally:
        con.set_progress_handler(None, 0)
    return steps, len(rows)


_fresh = itertools.count()


def _explain_query_plan(con: sqlite3.Connection, query: str, args: tuple | dict = ()) -> list[tuple]:
    # An EXPLAIN QUERY PLAN statement is never re-prepared when the schema changes, and the
    # sqlite3 module caches prepared statements by their text: after CREATE or DROP INDEX the
    # same text would return the old plan. A unique trailing comment makes every call fresh.
    return con.execute(f"EXPLAIN QUERY PLAN {query}\n-- dblab plan {next(_fresh)}", args).fetchall()


def sqlite_plan(con: sqlite3.Connection, query: str, params: Iterable | dict = ()) -> list[str]:
    """The detail lines of `EXPLAIN QUERY PLAN query`, in plan order."""
    args = params if isinstance(params, dict) else tuple(params)
    if not args and "?" in query:
        args = (None,) * query.count("?")
    return [r[3] for r in _explain_query_plan(con, query, args)]


def sqlite_plan_tree(con: sqlite3.Connection, query: str) -> PlanNode:
    """`EXPLAIN QUERY PLAN` as a tree of PlanNodes (for `dblab.show.plan_diagram`)."""
    nodes: dict[int, PlanNode] = {0: PlanNode("QUERY")}
    for node_id, parent, _unused, detail in _explain_query_plan(con, query):
        words = detail.split(" ")
        if words[0] in ("SCAN", "SEARCH") and len(words) > 2:
            nodes[node_id] = PlanNode(" ".join(words[:2]), " ".join(words[2:]))
        else:
            nodes[node_id] = PlanNode(detail)
        nodes.get(parent, nodes[0]).children.append(nodes[node_id])
    return nodes[0]


def sqlite_indexes_used(plan: list[str]) -> list[str]:
    """Names of the indexes a SQLite plan uses (`... USING [COVERING] INDEX name ...`)."""
    used = []
    for line in plan:
        words = line.split()
        for i, w in enumerate(words[:-1]):
            if w == "INDEX" and i > 0 and words[i - 1] in ("USING", "COVERING") and words[i + 1] not in used:
                used.append(words[i + 1])
    return used


def sqlite_full_scans(plan: list[str]) -> list[str]:
    """The tables a SQLite plan reads from end to end (`SCAN t` without an index)."""
    return [line.split()[1] for line in plan
            if line.startswith("SCAN ") and "INDEX" not in line and "CONSTANT ROW" not in line]


# -------------------------------------------------------------------------------- PostgreSQL


def pg_explain(con: Any, query: str, params: Iterable | None = None) -> dict[str, Any]:
    """The JSON document of `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) query` (its one element).

    ANALYZE runs the query: wrap data-changing statements in a transaction you roll back.
    """
    row = con.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + query, tuple(params) if params else None).fetchone()
    doc = row[0]
    if isinstance(doc, str):
        doc = json.loads(doc)
    return doc[0]


def pg_nodes(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every plan node of a PostgreSQL JSON plan (the document or its "Plan"), pre-order."""
    node = plan.get("Plan", plan)
    yield node
    for child in node.get("Plans", []):
        yield from pg_nodes(child)


def pg_buffers(plan: dict[str, Any]) -> int:
    """Shared buffers the query touched (hit in the cache + read into it).

    A node's buffer counts include its children's, so the root holds the query's total.
    """
    root = plan.get("Plan", plan)
    return int(root.get("Shared Hit Blocks", 0)) + int(root.get("Shared Read Blocks", 0))


def pg_rows_removed(plan: dict[str, Any]) -> int:
    """Rows the plan produced and then threw away (by a filter, join filter or recheck).

    EXPLAIN reports these per loop, like "Actual Rows": multiply by "Actual Loops".
    """
    total = 0.0
    for node in pg_nodes(plan):
        loops = node.get("Actual Loops", 1) or 1
        for key in ("Rows Removed by Filter", "Rows Removed by Join Filter", "Rows Removed by Index Recheck"):
            total += node.get(key, 0) * loops
    return round(total)


def pg_plan_tree(plan: dict[str, Any]) -> PlanNode:
    """A PostgreSQL JSON plan as PlanNodes; `rows` is actual rows × loops."""
    node = plan.get("Plan", plan)
    detail = node.get("Index Name") or node.get("Relation Name") or ""
    if node.get("Index Name") and node.get("Relation Name"):
        detail = f"{node['Index Name']} on {node['Relation Name']}"
    rows = node.get("Actual Rows")
    tree = PlanNode(node["Node Type"], detail, None if rows is None else rows * (node.get("Actual Loops", 1) or 1))
    tree.children = [pg_plan_tree(c) for c in node.get("Plans", [])]
    return tree


# ------------------------------------------------------------------------------------ DuckDB


def duckdb_profile(con: Any, query: str, params: Iterable | None = None) -> dict[str, Any]:
    """The profiling JSON of `EXPLAIN (ANALYZE, FORMAT JSON) query` (runs the query).

    Works on a locked connection, where `PRAGMA enable_profiling` is refused.
    """
    rows = con.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + query, list(params) if params else None).fetchall()
    return json.loads(rows[0][1])


def duckdb_operators(profile: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every operator of a DuckDB profile, pre-order, without the result/explain plumbing."""

    def walk(op: dict[str, Any]) -> Iterator[dict[str, Any]]:
        if op.get("name") not in ("RESULT_COLLECTOR", "EXPLAIN_ANALYZE"):
            yield op
        for child in op.get("children", []):
            yield from walk(child)

    for op in profile.get("operator", profile.get("children", [])):
        yield from walk(op)


def duckdb_scans(profile: dict[str, Any]) -> list[dict[str, Any]]:
    """One dict per table or file scan: name, type, rows and row groups scanned, files read."""
    scans = []
    for op in duckdb_operators(profile):
        if op.get("type") != "TABLE_SCAN":
            continue
        extra = op.get("extra_info") or {}
        files = extra.get("Total Files Read")
        scans.append({
            "name": op.get("name"),
            "table": str(extra.get("Table", extra.get("Function", ""))).split(".")[-1],
            "type": extra.get("Type", extra.get("Function", "")),
            "rows_scanned": int(op.get("rows_scanned", 0)),
            "row_groups_scanned": int(op.get("row_groups_scanned", 0)),
            "row_groups_total": int(op.get("total_row_groups_to_scan", 0)),
            "files_read": None if files is None else int(files),
        })
    return scans


def duckdb_plan_tree(profile: dict[str, Any]) -> PlanNode:
    """A DuckDB profile as PlanNodes; `rows` is each operator's output cardinality."""

    def node(op: dict[str, Any]) -> PlanNode:
        children = [node(c) for c in op.get("children", [])]
        if op.get("name") in ("RESULT_COLLECTOR", "EXPLAIN_ANALYZE") and len(children) == 1:
            return children[0]
        extra = op.get("extra_info") or {}
        detail = str(extra.get("Table", "")).split(".")[-1]
        if extra.get("Type") == "Index Scan":
            detail += " (index scan)"
        out = PlanNode(op.get("name", "?"), detail, op.get("intermediate_rows"))
        out.children = children
        return out

    root = PlanNode("QUERY")
    root.children = [node(op) for op in profile.get("operator", [])]
    return root


# ------------------------------------------------------------------------------- one call


@dataclass
class Work:
    """What one query did. `work` is the headline counter of its engine:
    VM steps (SQLite), shared buffers hit + read (PostgreSQL), rows scanned (DuckDB)."""

    engine: str
    rows: int
    work: int
    unit: str
    details: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        extra = "".join(f", {k} {v:,}" if isinstance(v, int) else f", {k} {v}" for k, v in self.details.items()
                        if k != "plan")
        return f"{self.work:,} {self.unit} ({self.rows:,} rows returned{extra})"


def measure(db: Any, query: str, params: Iterable | None = None) -> Work:
    """Run `query` on sandbox `db` and count its work with the engine's own deterministic counters."""
    if db.engine == "sqlite":
        plan = sqlite_plan(db.con, query, params or ())
        steps, n = sqlite_steps(db.con, query, params or ())
        return Work("sqlite", n, steps, "VM steps", {"plan": plan})
    if db.engine == "postgres":
        doc = pg_explain(db.con, query, params)
        rows = round(doc["Plan"].get("Actual Rows", 0) * (doc["Plan"].get("Actual Loops", 1) or 1))
        return Work("postgres", rows, pg_buffers(doc), "buffers",
                    {"rows removed": pg_rows_removed(doc), "plan": doc})
    profile = duckdb_profile(db.con, query, params)
    scans = duckdb_scans(profile)
    top = next(duckdb_operators(profile), {})
    while top.get("name") == "CTE" and top.get("children"):  # a materialised CTE: the query is its last child
        top = top["children"][-1]
    details: dict[str, Any] = {"row groups scanned": sum(s["row_groups_scanned"] for s in scans), "plan": profile}
    if any(s["files_read"] is not None for s in scans):
        details["files read"] = sum(s["files_read"] or 0 for s in scans)
    return Work("duckdb", int(top.get("intermediate_rows", 0)), sum(s["rows_scanned"] for s in scans),
                "rows scanned", details)


# ------------------------------------------------------------------------- index answers

_INDEX_DDL = re.compile(r"^\s*(CREATE\s+(UNIQUE\s+)?INDEX|DROP\s+INDEX)\b", re.IGNORECASE)


def _split_statements(sql: str) -> list[str]:
    """Split at every `;` that ends a complete statement (outside strings, comments, triggers)."""
    statements, start = [], 0
    for i, ch in enumerate(sql):
        if ch == ";" and sqlite3.complete_statement(sql[start:i + 1]):
            statements.append(sql[start:i + 1])
            start = i + 1
    if sql[start:].strip():
        statements.append(sql[start:])
    return statements


def index_script(sql: str) -> list[str]:
    """The statements of a script made only of CREATE [UNIQUE] INDEX / DROP INDEX statements.

    Raises ValueError naming the first statement of another kind (a grader applies index
    answers to its own databases, so nothing else may run).
    """
    if not isinstance(sql, str):
        raise ValueError(f"expected a SQL string, got {type(sql).__name__}")
    statements = []
    for statement in _split_statements(sql):
        code = "\n".join(line for line in statement.splitlines() if not line.strip().startswith("--")).strip()
        if not code.strip(";").strip():
            continue
        if not _INDEX_DDL.match(code):
            raise ValueError(f"only CREATE INDEX and DROP INDEX statements are allowed, got: {code.split(chr(10))[0][:60]}")
        statements.append(code)
    return statements


INDEXER_ROLE = "dblab_indexer"


def apply_index_script(db: Any, sql: str) -> list[str]:
    """Check `sql` with `index_script`, then run its statements on sandbox `db`, one at a time.

    SQLite's `execute` refuses a second statement hidden in one. On PostgreSQL the statements
    run in a connection of their own, as a role that owns the sandbox's tables and has no other
    privilege: whatever the text hides, it cannot act as the superuser the sandbox uses.
    """
    statements = index_script(sql)
    if db.engine == "sqlite":
        for statement in statements:
            db.con.execute(statement)
    elif db.engine == "postgres":
        import psycopg

        exists = db.con.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (INDEXER_ROLE,)).fetchone()
        if not exists:
            try:
                db.con.execute(f"CREATE ROLE {INDEXER_ROLE} LOGIN")
            except psycopg.errors.DuplicateObject:
                pass
        db.con.execute(f"GRANT CREATE, USAGE ON SCHEMA public TO {INDEXER_ROLE}")
        for table in db.tables():
            db.con.execute(f'ALTER TABLE public."{table}" OWNER TO {INDEXER_ROLE}')
        with psycopg.connect(db.location, user=INDEXER_ROLE, autocommit=True) as con:
            for statement in statements:
                con.execute(statement)
    else:
        for statement in statements:
            db.con.execute(statement).fetchall()
    return statements


def index_names(db: Any, table: str) -> list[str]:
    """The names of the indexes on `table` that were created by CREATE INDEX (no automatic ones)."""
    if db.engine == "sqlite":
        rows = db.con.execute("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL "
                              "ORDER BY name", (table,)).fetchall()
    elif db.engine == "postgres":
        rows = db.con.execute("SELECT indexname FROM pg_indexes WHERE tablename = %s AND indexname NOT LIKE %s "
                              "ORDER BY 1", (table, "%_pkey")).fetchall()
    else:
        rows = db.con.execute("SELECT index_name FROM duckdb_indexes() WHERE table_name = ? ORDER BY 1", [table]).fetchall()
    return [r[0] for r in rows]


def workload_steps(con: sqlite3.Connection, queries: Iterable[tuple[str, Iterable | dict]]) -> int:
    """Total SQLite VM steps of running each (query, params) of a workload once."""
    return sum(sqlite_steps(con, q, p)[0] for q, p in queries)


def executemany_steps(con: sqlite3.Connection, statement: str, rows: list) -> int:
    """VM steps of `executemany(statement, rows)` inside a transaction that is rolled back."""
    steps = 0

    def tick() -> int:
        nonlocal steps
        steps += 1
        return 0

    con.execute("BEGIN")
    con.set_progress_handler(tick, 1)
    try:
        con.executemany(statement, rows)
    finally:
        con.set_progress_handler(None, 0)
        con.execute("ROLLBACK")
    return steps
