# Splits off X+ but drops X from the remainder: the join is no longer lossless.
from itertools import combinations


def bcnf_decompose(attributes, fds):
    def plus(x):
        x = set(x)
        while True:
            y = x.union(*[set(r) for l, r in fds if set(l) <= x])
            if y == x:
                return x
            x = y
    todo, done = [set(attributes)], []
    while todo:
        rel = todo.pop()
        for size in range(1, len(rel)):
            hit = None
            for combo in combinations(sorted(rel), size):
                x = set(combo)
                implied = plus(x) & rel
                if implied != x and not implied >= rel:
                    hit = (x, implied)
                    break
            if hit:
                x, implied = hit
                rest = rel - implied
                todo += [implied] + ([rest] if rest else [])
                break
        else:
            done.append(rel)
    return done
