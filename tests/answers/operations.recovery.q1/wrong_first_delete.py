# stops at the first DELETE, even a harmless one with a WHERE clause
def recovery_target(history):
    for entry in history:
        words = entry["statement"].split()
        if words and words[0].upper() in ("DELETE", "TRUNCATE", "DROP") or \
                (words and words[0].upper() == "UPDATE" and "WHERE" not in entry["statement"].upper()):
            return entry["lsn"]
