def failover_plan(state):
    replicas = state["replicas"]
    best = max(replicas, key=replicas.get)
    plan = [("fence", state["old_primary"])] if state["old_primary_alive"] else []
    plan.append(("promote", best))
    return plan + [("follow", r, best) for r in replicas if r != best]
