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

import json
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


def sqlite_plan(con: sqlite3.Connection, query: str, params: Iterable | dict = ()) -> list[str]:
    """The detail lines of `EXPLAIN QUERY PLAN query`, in plan order."""
    args = params if isinstance(params, dict) else tuple(params)
    if not args and "?" in query:
        args = (None,) * query.count("?")
    return [r[3] for r in con.execute("EXPLAIN QUERY PLAN " + query, args).fetchall()]


def sqlite_plan_tree(con: sqlite3.Connection, query: str) -> PlanNode:
    """`EXPLAIN QUERY PLAN` as a tree of PlanNodes (for `dblab.show.plan_diagram`)."""
    nodes: dict[int, PlanNode] = {0: PlanNode("QUERY")}
    for node_id, parent, _unused, detail in con.execute("EXPLAIN QUERY PLAN " + query).fetchall():
        words = detail.split(" ")
        label = " ".join(words[:2]) if words[0] in ("SCAN", "SEARCH") else detail
        nodes[node_id] = PlanNode(label, detail)
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
    details: dict[str, Any] = {"row groups scanned": sum(s["row_groups_scanned"] for s in scans), "plan": profile}
    if any(s["files_read"] is not None for s in scans):
        details["files read"] = sum(s["files_read"] or 0 for s in scans)
    return Work("duckdb", int(top.get("intermediate_rows", 0)), sum(s["rows_scanned"] for s in scans),
                "rows scanned", details)


def ratio(before: Work | int, after: Work | int) -> float:
    """How many times less work `after` does than `before` (∞ when `after` did none)."""
    b = before.work if isinstance(before, Work) else before
    a = after.work if isinstance(after, Work) else after
    return float("inf") if a == 0 else b / a
