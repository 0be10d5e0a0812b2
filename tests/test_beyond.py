"""Module 8 helpers: seeded data shaped for each model, loaders, and the IVF work counter."""

import pytest

from dblab import beyond


def test_documents_are_seeded_and_messy_ones_lack_fields():
    assert beyond.order_documents(seed=4, n=30) == beyond.order_documents(seed=4, n=30)
    messy = beyond.order_documents(seed=4, n=300, messy=True)
    lines = [line for d in messy for line in d["lines"]]
    assert any("status" not in d for d in messy)
    assert any(not d["lines"] for d in messy)
    assert any("qty" not in line for line in lines)
    clean = beyond.order_documents(seed=4, n=300)
    assert all("status" in d and d["lines"] for d in clean)


def test_documents_load_into_duckdb_as_json():
    db = beyond.duckdb_with(documents={"orders": beyond.order_documents(seed=1, n=25)})
    counts = db.sql("SELECT count(*), count(DISTINCT doc->>'$.order_id') FROM orders").rows
    assert counts == [(25, 25)]


def test_locked_duckdb_sandbox_cannot_read_files():
    db = beyond.duckdb_with({"t": ("x INTEGER", [(1,), (2,)])})
    assert db.sql("SELECT sum(x) FROM t").rows == [(3,)]
    with pytest.raises(Exception):
        db.sql("SELECT * FROM read_csv('/etc/hostname')")


def test_bfs_hops_counts_fewest_hops_and_respects_direction():
    edges = [(1, 2), (2, 3), (1, 3), (3, 4), (5, 1)]
    assert beyond.bfs_hops(edges, 1) == {2: 1, 3: 1, 4: 2}
    assert beyond.bfs_hops(edges, 1, directed=False) == {2: 1, 3: 1, 4: 2, 5: 1}


def test_social_graph_has_unreachable_people():
    edges = beyond.social_graph(seed=0, people=60)
    assert len(beyond.bfs_hops(edges, 1)) < 59
    undirected = beyond.social_graph(seed=0, people=60, directed=False)
    assert all(a < b for a, b in undirected)


def test_readings_include_quarter_hour_edges_and_nulls():
    rows = beyond.sensor_readings(seed=0, sensors=4, hours=12)
    assert any(ts.minute % 15 == 0 and ts.second == 0 for _, ts, _ in rows)
    assert any(v is None for *_, v in rows)


def test_some_trades_precede_every_quote():
    quotes, trades = beyond.trades_and_quotes(seed=2)
    first = min(q[1] for q in quotes)
    assert any(t[2] < first for t in trades)


def test_articles_have_exactly_the_requested_relevant_titles():
    corpus = beyond.articles(seed=5, n=100, query_topic="graphs", relevant=3)
    assert sum(title.lower().startswith("graph edge") for _, title, _ in corpus) == 3
    db = beyond.sqlite_articles(corpus, "graph edge")
    query = "SELECT rowid FROM articles WHERE articles MATCH (SELECT q FROM search)"
    hits = {r[0] for r in db.sql(query).rows}
    assert {i for i, title, _ in corpus if title.lower().startswith("graph edge")} <= hits


def test_ivf_with_one_list_is_an_exact_search_that_costs_everything():
    vectors = beyond.clustered_vectors(seed=0, n=300, dim=4, clusters=5)
    queries = vectors[:5]
    found, work = beyond.ivf_search(vectors, [vectors[0]], queries, nprobe=1)
    truth = [beyond.exact_knn(vectors, q) for q in queries]
    assert beyond.recall_at_k(found, truth) == 1.0
    assert work == len(queries) * (1 + len(vectors))


def test_ivf_with_few_probes_does_less_work_and_may_miss():
    vectors = beyond.clustered_vectors(seed=1, n=600, dim=8, clusters=10, spread=0.8)
    queries = vectors[:10]
    centroids = vectors[::30]
    found, work = beyond.ivf_search(vectors, centroids, queries, nprobe=1)
    assert work < len(queries) * len(vectors) / 4
    assert beyond.recall_at_k(found, [beyond.exact_knn(vectors, q) for q in queries]) < 1.0


def test_account_events_number_versions_per_stream_and_can_repeat():
    events = beyond.account_events(seed=3, accounts=4, n=80)
    for stream in {e["stream"] for e in events}:
        versions = [e["version"] for e in events if e["stream"] == stream]
        assert versions == list(range(1, len(versions) + 1))
        assert next(e for e in events if e["stream"] == stream)["type"] == "opened"
    noisy = beyond.account_events(seed=3, accounts=4, n=80, duplicates=True, shuffled=True)
    assert len(noisy) > len(events)
    keys = {(e["stream"], e["version"]) for e in events}
    assert {(e["stream"], e["version"]) for e in noisy} == keys


def test_chart_draws_one_figure_with_a_label_per_bar():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.close("all")
    assert beyond.chart({"a long label": 1.0, "another long label": 3.0}, "t") is None
    (fig,) = [plt.figure(n) for n in plt.get_fignums()]
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert labels == ["a long label", "another long label"]
    plt.close("all")
