def choose_quorum(n, write_down, read_down, strong):
    max_w, max_r = n - write_down, n - read_down
    if max_w < 1 or max_r < 1:
        return None
    if not strong:
        return (1, 1)
    # need r + w = n + 1 with r as small as possible: w as large as allowed
    w = max_w
    r = n + 1 - w
    if r > max_r:
        return None
    return (r, w)
