def sync_standby_names(standbys, survive, down):
    return "FIRST 1 (" + ", ".join(standbys) + ")"
