# Returns every superkey, not only the minimal ones.
from itertools import combinations


def candidate_keys(attributes, fds):
    def plus(x):
        x = set(x)
        for _ in range(len(attributes)):
            x = x.union(*[set(r) for l, r in fds if set(l) <= x])
        return x
    return {frozenset(c) for n in range(1, len(attributes) + 1)
            for c in combinations(sorted(attributes), n) if plus(c) >= set(attributes)}
