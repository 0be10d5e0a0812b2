# Shrinks the full attribute set greedily: finds one key, never the others.
def candidate_keys(attributes, fds):
    def plus(x):
        x = set(x)
        for _ in range(len(attributes)):
            x = x.union(*[set(r) for l, r in fds if set(l) <= x])
        return x
    key = set(attributes)
    for a in sorted(attributes):
        if plus(key - {a}) >= set(attributes):
            key -= {a}
    return {frozenset(key)}
