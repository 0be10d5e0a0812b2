def choose_quorum(n, write_down, read_down, strong):
    q = n // 2 + 1
    if q > n - write_down or q > n - read_down:
        return None
    return (q, q) if strong else (1, 1)
