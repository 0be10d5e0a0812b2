def failover_plan(state):
    replicas = state["replicas"]
    best = max(replicas, key=replicas.get)
    return [("fence", state["old_primary"]), ("promote", best)]
