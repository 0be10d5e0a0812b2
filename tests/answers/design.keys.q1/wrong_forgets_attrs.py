# Returns only what is derived, forgetting that X is always in X+.
def closure(attrs, fds):
    known, derived = set(attrs), set()
    changed = True
    while changed:
        changed = False
        for lhs, rhs in fds:
            if set(lhs) <= known | derived and not set(rhs) <= known | derived:
                derived |= set(rhs) - set(attrs)
                changed = True
    return derived
