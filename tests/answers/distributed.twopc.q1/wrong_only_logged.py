def recover(log, participants):
    return {rec[1]: rec[0] for rec in log if rec[0] in ("commit", "abort")}
