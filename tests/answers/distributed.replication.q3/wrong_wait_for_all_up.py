def sync_standby_names(standbys, survive, down):
    k = len(standbys) - down
    return f"ANY {k} ({', '.join(standbys)})" if k >= 1 else None
