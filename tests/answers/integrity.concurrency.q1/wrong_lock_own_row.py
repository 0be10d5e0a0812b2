# Locks only the asking doctor's own row: the two transactions lock different rows and never wait.
def go_off_call(doctor):
    name = doctor.replace("'", "''")
    return [
        "BEGIN",
        f"SELECT on_call FROM doctors WHERE name = '{name}' FOR UPDATE",
        f"""UPDATE doctors SET on_call = false
            WHERE name = '{name}' AND (SELECT count(*) FROM doctors WHERE on_call) >= 2""",
        "COMMIT",
    ]
