# SERIALIZABLE, but the rule is never tested: run one after the other, both go off call.
def go_off_call(doctor):
    name = doctor.replace("'", "''")
    return [
        "BEGIN ISOLATION LEVEL SERIALIZABLE",
        f"UPDATE doctors SET on_call = false WHERE name = '{name}'",
        "COMMIT",
    ]
