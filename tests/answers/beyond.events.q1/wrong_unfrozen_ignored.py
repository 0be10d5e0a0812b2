# Forgets that unfreezing reopens the account.
def project(events):
    unique = {(e["stream"], e["version"]): e for e in events}
    state = {}
    for key in sorted(unique):
        e = unique[key]
        kind, data, s = e["type"], e["data"], e["stream"]
        if kind == "opened":
            state[s] = {"owner": data["owner"], "balance": 0, "status": "open"}
        elif kind == "deposited":
            state[s]["balance"] += data["amount"]
        elif kind == "withdrawn":
            state[s]["balance"] -= data["amount"]
        elif kind == "renamed":
            state[s]["owner"] = data["owner"]
        elif kind in ("frozen", "closed"):
            state[s]["status"] = kind
    return state
