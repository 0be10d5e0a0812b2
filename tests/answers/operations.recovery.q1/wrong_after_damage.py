# the LSN of the statement after the damage: recovery replays the damage too
def recovery_target(history):
    for i, entry in enumerate(history):
        s = " ".join(entry["statement"].upper().split())
        if s.startswith(("TRUNCATE", "DROP TABLE")) or (s.startswith(("DELETE", "UPDATE")) and " WHERE " not in s):
            return history[i + 1]["lsn"]
