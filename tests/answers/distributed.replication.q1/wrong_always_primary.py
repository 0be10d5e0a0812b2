def route_read(session, nodes):
    return "primary"
