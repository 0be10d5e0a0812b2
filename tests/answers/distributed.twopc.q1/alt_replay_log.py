def recover(log, participants):
    outcome = {}
    for record in log:
        kind, tx = record[0], record[1]
        if kind == "begin":
            outcome[tx] = "abort"          # presumed abort until a decision shows up
        elif kind in ("commit", "abort"):
            outcome[tx] = kind
        elif kind == "end":
            outcome.pop(tx, None)
    unfinished = {tx for p in participants.values() for tx, s in p.items() if s not in ("committed", "aborted")}
    return {tx: outcome.get(tx, "abort") for tx in unfinished}
