"""dblab.dist: real replication on loopback, and the seeded simulators the exercises grade with."""

import pytest

from dblab import dist


def test_a_paused_standby_misses_a_write_until_replay_resumes_and_promotion_makes_it_writable():
    with dist.Lab() as lab:
        primary = lab.primary()
        standby = lab.standby(primary, "s1")
        primary.sql("CREATE TABLE t (id int)")
        lab.wait_caught_up(primary, standby)
        lab.pause_replay(standby)
        primary.sql("INSERT INTO t VALUES (1)")
        lab.wait_received(primary, standby)
        assert lab.replay_lag_bytes(primary, standby) > 0
        assert standby.value("SELECT count(*) FROM t") == 0
        lab.resume_replay(standby)
        lab.wait_caught_up(primary, standby)
        assert standby.value("SELECT count(*) FROM t") == 1
        primary.stop("immediate")
        lab.promote(standby)
        standby.sql("INSERT INTO t VALUES (2)")
        assert not standby.in_recovery() and standby.timeline() == 2
        nodes = list(lab.nodes)
    assert not any(n.running for n in nodes)


def test_adding_a_node_to_the_ring_moves_about_its_share_and_only_to_it():
    keys = [f"k{i}" for i in range(5000)]
    ring = dist.HashRing(["a", "b", "c", "d"], vnodes=200)
    before = ring.assign(keys)
    ring.add("e")
    after = ring.assign(keys)
    assert dist.moved(before, after) / len(keys) < 0.25
    assert all(after[k] == "e" for k in keys if before[k] != after[k])
    assert dist.moved(dist.hash_mod(keys, list("abcd")), dist.hash_mod(keys, list("abcde"))) / len(keys) > 0.7


def test_promoting_before_fencing_a_live_primary_makes_two_writable_nodes():
    state = {"old_primary": "a", "old_primary_alive": True, "replicas": {"b": 10, "c": 12}}
    unsafe = dist.run_failover(state, [("promote", "c"), ("fence", "a"), ("follow", "b", "c")])
    safe = dist.run_failover(state, [("fence", "a"), ("promote", "c"), ("follow", "b", "c")])
    assert unsafe["max_writable"] == 2
    assert safe["max_writable"] == 1 and safe["lost"] == 0 and safe["old_fenced"] and not safe["unfollowed"]


def test_presumed_abort_recovery_is_atomic_and_committing_every_prepared_transaction_is_not():
    def presumed_abort(run):
        decided = {r[1]: r[0] for r in run["log"] if r[0] in ("commit", "abort")}
        return {tx: decided.get(tx, "abort") for tx in run["truth"]}

    def commit_prepared(run):
        return {tx: "commit" if all(p.get(tx, "prepared") == "prepared" for p in run["participants"].values()) else "abort"
                for tx in run["truth"]}

    runs = [dist.twopc_crash_run(seed) for seed in range(60)]
    assert all(dist.apply_decisions(r, presumed_abort(r)) == [] for r in runs)
    assert any(dist.apply_decisions(r, commit_prepared(r)) for r in runs)


def test_a_raft_run_is_repeatable_and_safe_and_a_double_vote_breaks_it():
    a, b = dist.raft_simulate(7), dist.raft_simulate(7)
    assert a.events == b.events and a.leaders and not a.violations

    def votes_twice(voter, req):
        return req["term"] >= voter["term"]

    assert any(dist.raft_simulate(s, steps=800, drop=0.3, vote=votes_twice).violations for s in range(20))


def test_the_commit_rule_ignores_majorities_of_older_terms():
    assert dist.raft_commit_index([3, 3, 3, 1, 1], [1, 2, 2], 4, 1) == 1
    assert dist.raft_commit_index([4, 4, 1], [1, 2, 2, 3], 3, 0) == 4


@pytest.mark.parametrize("config, problems", [
    ("ANY 2 (s1, s2, s3)", 0),     # survives primary + 1 standby, tolerates 1 down
    ("FIRST 1 (s1, s2, s3)", 1),   # one copy only: lost with the primary and that standby
    ("s1", 2),                     # hangs when s1 is down, too
])
def test_sync_standby_settings_are_judged_by_enumerating_failures(config, problems):
    assert len(dist.check_sync_config(config, ["s1", "s2", "s3"], survive=1, down=1)) == problems


def test_overlapping_quorums_never_read_stale_and_smaller_ones_do():
    assert dist.quorum_run(5, 3, 3, seed=1, down=2)["stale_reads"] == 0
    assert dist.quorum_run(5, 2, 2, seed=1)["stale_reads"] > 0


def test_scatter_gather_with_partial_aggregates_equals_the_single_node_answer():
    shards, single = dist.shard_orders(3, shards=3, orders=600)
    try:
        merged, shipped = dist.scatter_gather(
            shards,
            "SELECT category, SUM(amount) AS s, COUNT(amount) AS c FROM orders GROUP BY category",
            "SELECT category, SUM(s) / SUM(c) AS a FROM partials GROUP BY category ORDER BY category",
        )
        expected = single.sql("SELECT category, AVG(amount) AS a FROM orders GROUP BY category ORDER BY category")
        assert [r[0] for r in merged.rows] == [r[0] for r in expected.rows]
        assert all(abs(x[1] - y[1]) < 1e-9 for x, y in zip(merged.rows, expected.rows))
        assert shipped <= 12
    finally:
        for db in [*shards, single]:
            db.close()
