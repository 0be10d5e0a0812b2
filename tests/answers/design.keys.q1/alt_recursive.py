def closure(attrs, fds):
    attrs = frozenset(attrs)
    step = attrs.union(*(frozenset(r) for l, r in fds if frozenset(l) <= attrs))
    return set(attrs) if step == attrs else closure(step, fds)
