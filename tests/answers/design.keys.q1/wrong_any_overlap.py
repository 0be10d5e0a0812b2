# Fires an FD when the left side merely overlaps the known attributes.
def closure(attrs, fds):
    result = set(attrs)
    changed = True
    while changed:
        changed = False
        for lhs, rhs in fds:
            if set(lhs) & result and not set(rhs) <= result:
                result |= set(rhs)
                changed = True
    return result
