# Sorts, but applies a redelivered event twice.
def project(events):
    state = {}
    for e in sorted(events, key=lambda e: (e["stream"], e["version"])):
        kind, data, s = e["type"], e["data"], e["stream"]
        if kind == "opened":
            state[s] = {"owner": data["owner"], "balance": 0, "status": "open"}
        elif kind == "deposited":
            state[s]["balance"] += data["amount"]
        elif kind == "withdrawn":
            state[s]["balance"] -= data["amount"]
        elif kind == "renamed":
            state[s]["owner"] = data["owner"]
        else:
            state[s]["status"] = {"frozen": "frozen", "unfrozen": "open", "closed": "closed"}[kind]
    return state
