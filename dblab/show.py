"""Pictures: ER diagrams of a live schema (Mermaid), query plan trees, benchmark bars."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from .catalog import describe
from .sandbox import Sandbox


class Mermaid:
    """A Mermaid diagram that renders in JupyterLab (as a Markdown code block) and prints as text."""

    def __init__(self, source: str) -> None:
        self.source = source

    def _repr_markdown_(self) -> str:
        return f"```mermaid\n{self.source}\n```"

    def __repr__(self) -> str:
        return self.source


def _mm_type(t: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", (t or "any").split("(")[0].strip().lower()) or "any"


def er_diagram(db: Sandbox) -> Mermaid:
    """The live schema of `db` as a Mermaid erDiagram: columns, PK/FK markers, relationships."""
    schema = describe(db)
    lines = ["erDiagram"]
    for name, t in sorted(schema.items()):
        fk_cols = {c for cols, _, _ in t.foreign_keys for c in cols}
        lines.append(f"    {name} {{")
        for col, typ, _notnull in t.columns:
            marks = [m for m, hit in (("PK", col in t.primary_key), ("FK", col in fk_cols)) if hit]
            lines.append(f"        {_mm_type(typ)} {col}{' ' + ','.join(marks) if marks else ''}")
        lines.append("    }")
    for name, t in sorted(schema.items()):
        for cols, ref, _refcols in t.foreign_keys:
            ref = ref.split(".")[-1]
            optional = any(not nn for c, _, nn in t.columns if c in cols)
            left = "|o" if optional else "||"
            lines.append(f"    {ref} {left}--o{{ {name} : \"{', '.join(cols)}\"")
    return Mermaid("\n".join(lines))


# ------------------------------------------------------------------------------- plan trees
@dataclass
class PlanNode:
    label: str
    detail: str = ""
    rows: float | None = None
    children: list["PlanNode"] = field(default_factory=list)

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


_plan_calls = [0]


def plan(db: Sandbox, query: str) -> PlanNode:
    """The engine's plan for `query` as a tree (SQLite EXPLAIN QUERY PLAN, PostgreSQL and DuckDB
    EXPLAIN ANALYZE in JSON form)."""
    if db.engine == "sqlite":
        # a fresh statement text each time: sqlite3 caches statements, and a cached EXPLAIN
        # would show the plan from before a CREATE or DROP INDEX
        _plan_calls[0] += 1
        rows = db.con.execute(f"EXPLAIN QUERY PLAN {query} -- plan {_plan_calls[0]}").fetchall()
        nodes: dict[int, PlanNode] = {0: PlanNode("QUERY")}
        for node_id, parent, _unused, detail in rows:
            nodes[node_id] = PlanNode(detail.split(" ")[0], detail)
            nodes.get(parent, nodes[0]).children.append(nodes[node_id])
        return nodes[0]
    if db.engine == "postgres":
        raw = db.con.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + query).fetchone()[0]
        return _pg_node(raw[0]["Plan"])
    # EXPLAIN (ANALYZE, FORMAT JSON) also works where the configuration is locked (graders)
    out = db.con.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + query).fetchall()
    data = json.loads(out[0][1])
    nodes = data.get("operator", data.get("children", [])) if isinstance(data, dict) else data
    root = PlanNode("QUERY")
    root.children = [_duck_node(n) for n in nodes]
    return root


def _pg_node(n: dict[str, Any]) -> PlanNode:
    detail = n.get("Relation Name") or n.get("Index Name") or ""
    node = PlanNode(n["Node Type"], detail, n.get("Actual Rows"))
    node.children = [_pg_node(c) for c in n.get("Plans", [])]
    return node


_DUCK_PLUMBING = {"RESULT_COLLECTOR", "EXPLAIN_ANALYZE"}


def _duck_node(n: dict[str, Any]) -> PlanNode:
    children = [_duck_node(c) for c in n.get("children", [])]
    if n.get("name") in _DUCK_PLUMBING and len(children) == 1:
        return children[0]
    extra = n.get("extra_info") or {}
    detail = extra.get("Table", "").split(".")[-1] if isinstance(extra, dict) else ""
    node = PlanNode(n.get("name", "?"), detail, n.get("intermediate_rows"))
    node.children = children
    return node


def plan_diagram(tree: PlanNode) -> Mermaid:
    """A plan tree as a Mermaid flowchart, data flowing bottom-up."""
    lines = ["flowchart BT"]
    ids: dict[int, str] = {}
    for i, node in enumerate(tree.walk()):
        ids[id(node)] = f"n{i}"
        text = node.label + (f"<br/>{node.detail}" if node.detail and node.detail != node.label else "")
        if node.rows is not None:
            text += f"<br/>rows: {node.rows:g}"
        lines.append(f'    n{i}["{text.replace(chr(34), "")}"]')
    for node in tree.walk():
        for child in node.children:
            lines.append(f"    {ids[id(child)]} --> {ids[id(node)]}")
    return Mermaid("\n".join(lines))


def bars(values: dict[str, float], title: str, ylabel: str = "", log: bool = False):
    """A bar chart of measurements (one figure, returned so notebooks can tweak it)."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 3.2))
    ax.bar(list(values), list(values.values()), color="#4C72B0")
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    if log:
        ax.set_yscale("log")
    for i, v in enumerate(values.values()):
        ax.annotate(f"{v:,.3g}", (i, v), ha="center", va="bottom", fontsize=9)
    fig.tight_layout()
    return fig
