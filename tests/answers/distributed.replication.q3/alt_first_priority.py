def sync_standby_names(standbys, survive, down):
    need, room = survive + 1, len(standbys) - down
    if need <= room:
        return "FIRST %d (%s)" % (need, ", ".join('"%s"' % s for s in standbys))
    return None
