from dblab import sec


def rotate_keys(con, keyring, new_key_id):
    # each UPDATE commits on its own (autocommit): a failure half-way leaves a half-rotated table
    rows = con.execute("SELECT patient_id, diagnosis, key_id FROM patients WHERE diagnosis IS NOT NULL ORDER BY patient_id").fetchall()
    for patient_id, blob, key_id in rows:
        aad = str(patient_id).encode()
        text = sec.decrypt(keyring[key_id], blob, aad)
        con.execute("UPDATE patients SET diagnosis = %s, key_id = %s WHERE patient_id = %s",
                    (sec.encrypt(keyring[new_key_id], text, aad), new_key_id, patient_id))
