def failover_plan(state):
    replicas = state["replicas"]
    best = max(replicas, key=replicas.get)
    plan = [("promote", best), ("fence", state["old_primary"])]
    return plan + [("follow", r, best) for r in replicas if r != best]
