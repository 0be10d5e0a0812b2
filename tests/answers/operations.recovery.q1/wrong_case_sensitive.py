# only upper-case statements without comments are recognised
def recovery_target(history):
    for entry in history:
        s = entry["statement"]
        if s.startswith(("TRUNCATE", "DROP TABLE")) or (s.startswith(("DELETE", "UPDATE")) and "WHERE" not in s):
            return entry["lsn"]
    return history[-1]["lsn"]
