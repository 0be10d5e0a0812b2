def failover_plan(state):
    first = sorted(state["replicas"])[0]
    plan = [("fence", state["old_primary"]), ("promote", first)]
    return plan + [("follow", r, first) for r in state["replicas"] if r != first]
