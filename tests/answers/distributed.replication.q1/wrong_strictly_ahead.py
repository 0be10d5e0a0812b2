def route_read(session, nodes):
    need = max(session["last_write_lsn"], session["last_read_lsn"])
    fresh = sorted(n for n, lsn in nodes.items() if n != "primary" and lsn > need)
    return fresh[0] if fresh else "primary"
