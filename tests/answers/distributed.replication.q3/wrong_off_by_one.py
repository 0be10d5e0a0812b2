def sync_standby_names(standbys, survive, down):
    k = max(survive, 1)
    if k > len(standbys) - down:
        return None
    return f"ANY {k} ({', '.join(standbys)})"
