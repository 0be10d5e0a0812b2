# A table lock that conflicts with itself serialises the two requests entirely.
def go_off_call(doctor):
    name = doctor.replace("'", "''")
    return [
        "BEGIN",
        "LOCK TABLE doctors IN SHARE ROW EXCLUSIVE MODE",
        f"""UPDATE doctors AS d SET on_call = false
            WHERE d.name = '{name}' AND 1 < (SELECT count(*) FILTER (WHERE on_call) FROM doctors)""",
        "COMMIT",
    ]
