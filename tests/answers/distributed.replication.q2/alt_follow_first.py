def failover_plan(state):
    ranked = sorted(state["replicas"].items(), key=lambda kv: (-kv[1], kv[0]))
    new = ranked[0][0]
    steps = [["fence", state["old_primary"]]]
    steps += [["follow", name, new] for name, _ in ranked[1:]]
    steps.append(["promote", new])
    return steps
