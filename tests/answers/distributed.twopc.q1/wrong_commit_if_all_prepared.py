def recover(log, participants):
    members = {}
    for states in participants.values():
        for tx, s in states.items():
            members.setdefault(tx, []).append(s)
    out = {}
    for tx, states in members.items():
        if any(s in ("active", "prepared") for s in states):
            ok = all(s in ("prepared", "committed") for s in states)
            out[tx] = "commit" if ok else "abort"
    return out
