# Picks violating sets from the largest down: a different, still valid BCNF decomposition.
from itertools import combinations


def bcnf_decompose(attributes, fds):
    def plus(x):
        x = set(x)
        while True:
            y = x.union(*[set(r) for l, r in fds if set(l) <= x])
            if y == x:
                return x
            x = y

    def split(rel):
        for size in range(len(rel) - 1, 0, -1):
            for combo in combinations(sorted(rel, reverse=True), size):
                x = set(combo)
                implied = plus(x) & rel
                if implied != x and not implied >= rel:
                    return split(implied) + split(rel - (implied - x))
        return [rel]

    return split(set(attributes))
