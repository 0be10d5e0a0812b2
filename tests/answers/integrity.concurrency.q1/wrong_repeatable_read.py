# REPEATABLE READ (snapshot isolation) does not stop write skew: the two updates touch different rows.
def go_off_call(doctor):
    name = doctor.replace("'", "''")
    return [
        "BEGIN ISOLATION LEVEL REPEATABLE READ",
        "SELECT count(*) FROM doctors WHERE on_call",
        f"""UPDATE doctors SET on_call = false
            WHERE name = '{name}' AND (SELECT count(*) FROM doctors WHERE on_call) >= 2""",
        "COMMIT",
    ]
