def recover(log, participants):
    out = {}
    for states in participants.values():
        for tx, s in states.items():
            if s in ("active", "prepared"):
                out[tx] = "abort"
    return out
