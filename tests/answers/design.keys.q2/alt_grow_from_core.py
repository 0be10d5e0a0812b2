# Start from the attributes no FD derives (they are in every key) and grow breadth-first.
def candidate_keys(attributes, fds):
    attributes = set(attributes)

    def plus(x):
        x = set(x)
        while True:
            y = x.union(*[set(r) for l, r in fds if set(l) <= x])
            if y == x:
                return x
            x = y

    core = attributes - set().union(*[set(r) - set(l) for l, r in fds])
    frontier, keys, seen = [frozenset(core)], set(), set()
    while frontier:
        nxt = []
        for cand in frontier:
            if cand in seen or any(k <= cand for k in keys):
                continue
            seen.add(cand)
            if plus(cand) >= attributes:
                keys.add(cand)
            else:
                nxt += [cand | {a} for a in attributes - cand]
        frontier = sorted(set(nxt), key=len)
    return {k for k in keys if not any(o < k for o in keys)}
