# The right condition at READ COMMITTED: both transactions count 2 before either commits.
def go_off_call(doctor):
    name = doctor.replace("'", "''")
    return [
        "BEGIN",
        f"""UPDATE doctors SET on_call = false
            WHERE name = '{name}' AND (SELECT count(*) FROM doctors WHERE on_call) >= 2""",
        "COMMIT",
    ]
