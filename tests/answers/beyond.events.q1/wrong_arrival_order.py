# Deduplicates, but applies events in arrival order.
def project(events):
    state, seen = {}, set()
    for e in events:
        if (e["stream"], e["version"]) in seen:
            continue
        seen.add((e["stream"], e["version"]))
        kind, data, s = e["type"], e["data"], e["stream"]
        acct = state.setdefault(s, {"owner": None, "balance": 0, "status": "open"})
        if kind == "opened":
            acct["owner"] = data["owner"]
        elif kind == "deposited":
            acct["balance"] += data["amount"]
        elif kind == "withdrawn":
            acct["balance"] -= data["amount"]
        elif kind == "renamed":
            acct["owner"] = data["owner"]
        else:
            acct["status"] = {"frozen": "frozen", "unfrozen": "open", "closed": "closed"}[kind]
    return state
