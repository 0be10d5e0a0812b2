def route_read(session, nodes):
    fresh = sorted(n for n, lsn in nodes.items() if n != "primary" and lsn >= session["last_write_lsn"])
    return fresh[0] if fresh else "primary"
