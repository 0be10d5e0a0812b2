def route_read(session, nodes):
    replicas = {n: lsn for n, lsn in nodes.items() if n != "primary"}
    best = max(replicas, key=replicas.get)
    if replicas[best] >= session["last_write_lsn"] and replicas[best] >= session["last_read_lsn"]:
        return best
    return "primary"
