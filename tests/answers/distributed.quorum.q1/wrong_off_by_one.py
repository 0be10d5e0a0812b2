def choose_quorum(n, write_down, read_down, strong):
    best = None
    for r in range(1, n + 1):
        for w in range(1, n + 1):
            if w > n - write_down or r > n - read_down or (strong and r + w < n):
                continue
            if best is None or (r + w, r) < (sum(best), best[0]):
                best = (r, w)
    return best
