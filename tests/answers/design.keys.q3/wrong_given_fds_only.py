# Checks only the given FDs for violations, so implied violations survive in the parts.
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
        for lhs, rhs in fds:
            lhs = set(lhs)
            if lhs <= rel and (set(rhs) & rel) - lhs and not plus(lhs) >= rel:
                implied = plus(lhs) & rel
                todo += [implied, rel - (implied - lhs)]
                break
        else:
            done.append(rel)
    return done
