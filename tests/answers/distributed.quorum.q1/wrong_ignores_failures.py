def choose_quorum(n, write_down, read_down, strong):
    if not strong:
        return (1, 1)
    return (1, n)
