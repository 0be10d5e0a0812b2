"""What a live database declares: tables, columns, keys, foreign keys -- on all three engines."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .sandbox import Sandbox, quote_ident


@dataclass
class TableInfo:
    name: str
    columns: list[tuple[str, str, bool]]  # (name, type, not null)
    primary_key: list[str] = field(default_factory=list)
    foreign_keys: list[tuple[list[str], str, list[str]]] = field(default_factory=list)
    unique: list[list[str]] = field(default_factory=list)

    @property
    def column_names(self) -> list[str]:
        return [c[0] for c in self.columns]


def describe(db: Sandbox) -> dict[str, TableInfo]:
    """{table name: TableInfo} for every user table of `db`."""
    return {t: _describe_table(db, t) for t in db.tables()}


def _describe_table(db: Sandbox, table: str) -> TableInfo:
    info = TableInfo(table, db.columns(table))
    if db.engine == "sqlite":
        con = db.con
        rows = con.execute(f"PRAGMA table_info({quote_ident(table)})").fetchall()
        info.primary_key = [r[1] for r in sorted(rows, key=lambda r: r[5]) if r[5]]
        fks: dict[int, tuple[list[str], str, list[str]]] = {}
        for r in con.execute(f"PRAGMA foreign_key_list({quote_ident(table)})").fetchall():
            fk = fks.setdefault(r[0], ([], r[2], []))
            fk[0].append(r[3])
            fk[2].append(r[4] if r[4] is not None else "")
        for cols, ref, refcols in fks.values():
            if not any(refcols):  # REFERENCES t without columns means its primary key
                refcols[:] = _describe_table(db, ref).primary_key if ref in db.tables() else refcols
        info.foreign_keys = list(fks.values())
        for idx in con.execute(f"PRAGMA index_list({quote_ident(table)})").fetchall():
            if idx[2] and idx[3] == "u":
                cols = [r[2] for r in con.execute(f"PRAGMA index_info({quote_ident(idx[1])})").fetchall()]
                info.unique.append(cols)
        return info
    if db.engine == "duckdb":
        rows = db.con.execute(
            "SELECT constraint_type, constraint_column_names, referenced_table, referenced_column_names "
            "FROM duckdb_constraints() WHERE table_name = ?",
            [table],
        ).fetchall()
    else:
        rows = _pg_constraints(db, table)
    for ctype, cols, ref, refcols in rows:
        if ctype == "PRIMARY KEY":
            info.primary_key = list(cols)
        elif ctype == "FOREIGN KEY":
            info.foreign_keys.append((list(cols), ref, list(refcols)))
        elif ctype == "UNIQUE":
            info.unique.append(list(cols))
    return info


def _pg_constraints(db: Sandbox, table: str) -> list[tuple[str, list[str], Any, list[str]]]:
    rows = db.con.execute(
        """
        SELECT c.contype,
               ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i),
               c.confrelid::regclass::text,
               ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                     JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i)
        FROM pg_constraint c
        WHERE c.conrelid = %s::regclass
        """,
        (table,),
    ).fetchall()
    kinds = {"p": "PRIMARY KEY", "f": "FOREIGN KEY", "u": "UNIQUE"}
    return [(kinds.get(k, k), cols, ref, refcols) for k, cols, ref, refcols in rows]
