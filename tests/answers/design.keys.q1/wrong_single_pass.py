# One pass over the FDs: misses attributes reached through an FD listed earlier.
def closure(attrs, fds):
    result = set(attrs)
    for lhs, rhs in fds:
        if set(lhs) <= result:
            result |= set(rhs)
    return result
