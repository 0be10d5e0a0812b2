# READ COMMITTED with pessimistic locking: lock every on-call row first. The second transaction
# waits; when it resumes, its UPDATE takes a fresh snapshot and counts the first one's change.
def go_off_call(doctor):
    name = doctor.replace("'", "''")
    return [
        "BEGIN",
        "SELECT name FROM doctors WHERE on_call FOR UPDATE",
        f"""UPDATE doctors SET on_call = false
            WHERE name = '{name}'
              AND EXISTS (SELECT 1 FROM doctors WHERE on_call AND name <> '{name}')""",
        "COMMIT",
    ]
