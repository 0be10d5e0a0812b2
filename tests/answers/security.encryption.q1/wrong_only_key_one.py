from dblab import sec


def rotate_keys(con, keyring, new_key_id):
    # rotates away from key 1 only; rows under key 2 are forgotten
    with con.transaction():
        rows = con.execute("SELECT patient_id, diagnosis FROM patients WHERE key_id = 1").fetchall()
        for patient_id, blob in rows:
            aad = str(patient_id).encode()
            text = sec.decrypt(keyring[1], blob, aad)
            con.execute("UPDATE patients SET diagnosis = %s, key_id = %s WHERE patient_id = %s",
                        (sec.encrypt(keyring[new_key_id], text, aad), new_key_id, patient_id))
