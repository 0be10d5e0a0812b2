"""Module 8 (beyond relational): seeded data as plain Python values, loaders and measuring helpers.

Everything here returns plain values (documents as dicts, graphs as edge lists, vectors as lists),
so the same data can be put into DuckDB, SQLite, PostgreSQL, Redis or a graph database, and so
exercise answers can be graded on it in another process.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
from typing import Any, Iterable, Sequence

from .sandbox import Sandbox

SKUS = [f"SKU-{i:03d}" for i in range(1, 41)]
CITIES = ["Lyon", "Porto", "Gdansk", "Turku", "Leeds", "Graz", "Bilbao", "Brno"]


# ------------------------------------------------------------------------------ documents
def order_documents(seed: int = 0, n: int = 200, messy: bool = False) -> list[dict[str, Any]]:
    """Order documents as a document store would hold them: customer and lines embedded.

    With `messy=True` some documents lack optional fields (`qty`, `discount`, `status`), carry
    extra fields nobody declared, or have no lines at all — schema-on-read as it really is.
    """
    rng = random.Random(seed)
    docs = []
    for i in range(1, n + 1):
        lines = []
        for _ in range(rng.randint(1, 4)):
            line: dict[str, Any] = {"sku": rng.choice(SKUS), "price": round(rng.uniform(2, 80), 2)}
            if not messy or rng.random() > 0.2:
                line["qty"] = rng.randint(1, 5)
            if rng.random() < (0.3 if messy else 0.25):
                line["discount"] = rng.choice([0.05, 0.1, 0.25])
            if messy and rng.random() < 0.1:
                line["gift_wrap"] = True
            lines.append(line)
        if messy and rng.random() < 0.05:
            lines = []
        doc: dict[str, Any] = {
            "order_id": i,
            "customer": {"id": rng.randint(1, max(2, n // 8)), "city": rng.choice(CITIES)},
            "lines": lines,
        }
        if not messy or rng.random() > 0.15:
            doc["status"] = rng.choices(["paid", "shipped", "cancelled"], [5, 4, 1])[0]
        if messy and rng.random() < 0.2:
            doc["coupon"] = {"code": f"C{rng.randint(100, 999)}", "source": "newsletter"}
        docs.append(doc)
    return docs


def load_documents(db: Sandbox, docs: Iterable[dict[str, Any]], table: str = "orders") -> None:
    """Store documents in `table(doc JSON)` (JSONB on PostgreSQL)."""
    kind = {"duckdb": "JSON", "postgres": "JSONB", "sqlite": "TEXT"}[db.engine]
    db.execute(f"CREATE TABLE {table} (doc {kind})")
    db.insert_rows(table, ["doc"], [(json.dumps(d),) for d in docs])


# ------------------------------------------------------------------------------ graphs
def social_graph(
    seed: int = 0, people: int = 60, degree: float = 3.0, directed: bool = True
) -> list[tuple[int, int]]:
    """Edges (src, dst) between people 1..`people`: a few hubs, cycles, and some unreachable people.

    Undirected graphs list each edge once with src < dst.
    """
    rng = random.Random(seed)
    edges: set[tuple[int, int]] = set()
    reach = int(people * 0.85)  # the last people are only reachable among themselves
    target = int(people * degree)
    while len(edges) < target:
        a = rng.randint(1, people)
        pool = range(1, reach + 1) if a <= reach else range(reach + 1, people + 1)
        b = rng.choice([rng.choice(pool), min(pool) + rng.randint(0, 3)])  # hubs: the first few
        if a == b:
            continue
        edges.add((a, b) if directed else (min(a, b), max(a, b)))
    return sorted(edges)


def bfs_hops(edges: Iterable[tuple[int, int]], start: int, directed: bool = True) -> dict[int, int]:
    """Fewest hops from `start` to every reachable node (start itself excluded)."""
    adj: dict[int, list[int]] = {}
    for a, b in edges:
        adj.setdefault(a, []).append(b)
        if not directed:
            adj.setdefault(b, []).append(a)
    dist, frontier = {start: 0}, [start]
    while frontier:
        nxt = []
        for u in frontier:
            for v in adj.get(u, []):
                if v not in dist:
                    dist[v] = dist[u] + 1
                    nxt.append(v)
        frontier = nxt
    dist.pop(start)
    return dist


# ------------------------------------------------------------------------------ time series
def sensor_readings(
    seed: int = 0, sensors: int = 3, hours: int = 6, edges: bool = True
) -> list[tuple]:
    """Readings (sensor, ts, value) at irregular times; with `edges`, some fall exactly on a
    quarter-hour boundary and a few values are NULL."""
    rng = random.Random(seed)
    start = dt.datetime(2026, 3, 1, 8, 0, 0)
    rows = []
    for s in range(1, sensors + 1):
        t = start + dt.timedelta(seconds=rng.randint(0, 120))
        base = rng.uniform(15, 25)
        while t < start + dt.timedelta(hours=hours):
            value = round(base + 3 * math.sin(t.hour / 3) + rng.gauss(0, 0.5), 2)
            rows.append((f"s{s}", t, None if edges and rng.random() < 0.03 else value))
            step = rng.randint(20, 400)
            t += dt.timedelta(seconds=step)
            if edges and rng.random() < 0.08:  # snap to the next quarter-hour boundary exactly
                q = (t.minute // 15 + 1) * 15
                t = t.replace(minute=0, second=0, microsecond=0) + dt.timedelta(minutes=q)
    return sorted(set(rows), key=lambda r: (r[0], r[1]))


def trades_and_quotes(seed: int = 0, symbols: Sequence[str] = ("ABC", "XYZ", "QQQ"),
                      quotes: int = 300,
                      trades: int = 120) -> tuple[list[tuple], list[tuple]]:
    """(quotes, trades): quotes (symbol, ts, bid, ask) and trades (trade_id, symbol, ts, price).

    Some trades happen before the first quote of their symbol, and some exactly at a quote time.
    """
    rng = random.Random(seed)
    t0 = dt.datetime(2026, 3, 2, 9, 30)
    q_rows, first = [], {}
    for _ in range(quotes):
        sym = rng.choice(symbols)
        ts = t0 + dt.timedelta(seconds=rng.randint(60, 3600))
        bid = round(rng.uniform(90, 110), 2)
        q_rows.append((sym, ts, bid, round(bid + rng.uniform(0.01, 0.5), 2)))
    q_rows = sorted({(q[0], q[1]): q for q in q_rows}.values(), key=lambda q: (q[0], q[1]))
    for sym, ts, *_ in q_rows:
        first.setdefault(sym, ts)
    t_rows = []
    for i in range(1, trades + 1):
        sym = rng.choice(symbols)
        r = rng.random()
        if r < 0.1:
            ts = t0 + dt.timedelta(seconds=rng.randint(0, 59))  # before any quote
        elif r < 0.3:
            ts = rng.choice([q[1] for q in q_rows if q[0] == sym])  # exactly at a quote
        else:
            ts = t0 + dt.timedelta(seconds=rng.randint(60, 3700))
        t_rows.append((i, sym, ts, round(rng.uniform(90, 110), 2)))
    return q_rows, t_rows


# ------------------------------------------------------------------------------ search
TOPICS = {
    "replication": "replica primary standby lag failover wal streaming",
    "indexing": "btree index scan selectivity covering composite planner",
    "caching": "cache hit ratio eviction ttl invalidation redis",
    "graphs": "graph edge node path traversal cypher neighbour",
    "vectors": "embedding vector similarity cosine nearest hnsw",
    "backups": "backup restore snapshot recovery archive point",
}
FILLER = "the a of to and in for with on data system team query result work page time".split()


def articles(
    seed: int = 0, n: int = 120, query_topic: str = "caching", relevant: int = 4
) -> list[tuple[int, str, str]]:
    """(id, title, body) articles. Exactly `relevant` of them name `query_topic`'s first two words
    in their title; more have those words many times in a long body only (keyword stuffing)."""
    rng = random.Random(seed)
    words = {t: w.split() for t, w in TOPICS.items()}
    q1, q2 = words[query_topic][:2]
    rel_ids = set(rng.sample(range(1, n + 1), relevant))
    others = [i for i in range(1, n + 1) if i not in rel_ids]
    stuffed = set(rng.sample(others, relevant * 2))
    rows = []
    for i in range(1, n + 1):
        topic = query_topic if i in rel_ids else rng.choice([t for t in TOPICS if t != query_topic])
        tw = words[topic]
        title_words = [q1, q2] if i in rel_ids else rng.sample(tw, 2)
        title = " ".join(title_words + rng.sample(tw, 1)).capitalize()
        body_len = rng.randint(40, 70) if i in rel_ids else rng.randint(20, 200)
        body = [rng.choice(FILLER) if rng.random() < 0.6 else rng.choice(tw)
                for _ in range(body_len)]
        if i in rel_ids:
            body[rng.randrange(body_len)] = q1
        if i in stuffed:
            body += [q1, q2] * rng.randint(3, 6)
        rows.append((i, title, " ".join(body)))
    return rows


# ------------------------------------------------------------------------------ vectors
def clustered_vectors(
    seed: int = 0, n: int = 3000, dim: int = 16, clusters: int = 30, spread: float = 0.35
) -> list[list[float]]:
    """`n` vectors drawn around `clusters` random centres (what real embeddings look like)."""
    rng = random.Random(seed)
    centres = [[rng.gauss(0, 1) for _ in range(dim)] for _ in range(clusters)]
    out = []
    for _ in range(n):
        c = rng.choice(centres)
        out.append([round(x + rng.gauss(0, spread), 4) for x in c])
    return out


def _d2(a: Sequence[float], b: Sequence[float]) -> float:
    return sum((x - y) ** 2 for x, y in zip(a, b))


def exact_knn(vectors: Sequence[Sequence[float]], query: Sequence[float], k: int = 10) -> list[int]:
    """Positions of the `k` nearest vectors (Euclidean), ties broken by position."""
    return sorted(range(len(vectors)), key=lambda i: (_d2(vectors[i], query), i))[:k]


def ivf_search(vectors: Sequence[Sequence[float]], centroids: Sequence[Sequence[float]],
               queries: Sequence[Sequence[float]], nprobe: int,
               k: int = 10) -> tuple[list[list[int]], int]:
    """An inverted-file (IVF) index: each vector is filed under its nearest centroid; a query
    scans only the `nprobe` lists whose centroids are nearest to it.

    Returns (results, distance computations): the work counter counts every distance computed
    at query time (to centroids and to scanned vectors), summed over all queries.
    """
    lists: list[list[int]] = [[] for _ in centroids]
    for i, v in enumerate(vectors):
        lists[min(range(len(centroids)), key=lambda c: _d2(v, centroids[c]))].append(i)
    results, work = [], 0
    for q in queries:
        order = sorted(range(len(centroids)), key=lambda c: _d2(q, centroids[c]))
        work += len(centroids)
        cand = [i for c in order[:nprobe] for i in lists[c]]
        work += len(cand)
        results.append(sorted(cand, key=lambda i: (_d2(vectors[i], q), i))[:k])
    return results, work


def recall_at_k(found: Sequence[Sequence[int]], truth: Sequence[Sequence[int]]) -> float:
    """Share of the true k nearest neighbours that were found, averaged over queries."""
    hits = sum(len(set(f) & set(t)) for f, t in zip(found, truth))
    return hits / max(1, sum(len(t) for t in truth))


# ------------------------------------------------------------------------------ events
EVENT_TYPES = ("opened", "deposited", "withdrawn", "renamed", "frozen", "unfrozen", "closed")


def account_events(seed: int = 0, accounts: int = 5, n: int = 60, duplicates: bool = False,
                   shuffled: bool = False) -> list[dict[str, Any]]:
    """Events of bank accounts: dicts with stream, version (1, 2, … per stream), type, data.

    `duplicates` re-delivers some events (at-least-once delivery); `shuffled` delivers them out
    of order across and within streams.
    """
    rng = random.Random(seed)
    events: list[dict[str, Any]] = []
    state: dict[str, dict] = {}
    for _ in range(n):
        acct = f"acc-{rng.randint(1, accounts)}"
        s = state.get(acct)
        if s is None:
            ev = ("opened", {"owner": rng.choice(["Ada", "Bo", "Cy", "Di", "Ed"])})
            state[acct] = s = {"version": 0, "status": "open"}
        elif s["status"] == "closed":
            continue
        else:
            choices = ["deposited"] * 5 + ["withdrawn"] * 3 + ["renamed"]
            choices += ["unfrozen"] if s["status"] == "frozen" else ["frozen", "closed"]
            kind = rng.choice(choices)
            if kind in ("deposited", "withdrawn"):
                ev = (kind, {"amount": rng.randint(1, 50) * 10})
            elif kind == "renamed":
                ev = (kind, {"owner": rng.choice(["Fay", "Gus", "Hal"])})
            else:
                ev = (kind, {})
                s["status"] = {"frozen": "frozen", "unfrozen": "open", "closed": "closed"}[kind]
        s["version"] += 1
        events.append({"stream": acct, "version": s["version"], "type": ev[0], "data": ev[1]})
    if duplicates:
        events += [dict(e) for e in rng.sample(events, max(1, len(events) // 8))]
    if shuffled:
        rng.shuffle(events)
    return events


# ------------------------------------------------------------------------------ sandboxes
def duckdb_with(tables: dict[str, tuple[str, list[tuple]]] | None = None,
                documents: dict[str, list[dict[str, Any]]] | None = None,
                locked: bool = True) -> Sandbox:
    """A DuckDB sandbox holding `tables` ({name: (column definitions, rows)}) and document
    tables ({name: documents}, stored as `name(doc JSON)`); locked against file access."""
    from . import sandbox

    db = sandbox.duckdb()
    for name, (columns, rows) in (tables or {}).items():
        db.execute(f"CREATE TABLE {name} ({columns})")
        ncols = len(db.columns(name))
        db.insert_rows(name, [c[0] for c in db.columns(name)][:ncols], rows)
    for name, docs in (documents or {}).items():
        load_documents(db, docs, name)
    if locked:
        db.close()
        db.locked = True  # type: ignore[attr-defined]
    return db


def sqlite_articles(rows: list[tuple[int, str, str]], query: str) -> Sandbox:
    """A SQLite sandbox with the FTS5 table `articles(title, body)` (rowid = article id) and the
    one-row table `search(q)` holding the user's query text."""
    from . import sandbox

    db = sandbox.sqlite()
    db.execute("CREATE VIRTUAL TABLE articles USING fts5(title, body)")
    db.insert_rows("articles", ["rowid", "title", "body"], rows)
    db.execute("CREATE TABLE search (q TEXT)")
    db.insert_rows("search", ["q"], [(query,)])
    return db


# ------------------------------------------------------------------------------ pictures
def chart(values: dict[str, float], title: str, ylabel: str = "", log: bool = False) -> None:
    """`show.bars` with slanted labels, for the long labels of this module's comparisons.

    Returns nothing: the notebook's inline backend draws the figure once.
    """
    from .show import bars

    fig = bars(values, title, ylabel, log)
    ax = fig.axes[0]
    ax.set_xticks(range(len(values)), list(values), rotation=25, ha="right", fontsize=8)
    fig.set_size_inches(7, 4)
    fig.tight_layout()
