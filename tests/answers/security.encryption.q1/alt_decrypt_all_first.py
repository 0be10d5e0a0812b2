from dblab import sec


def rotate_keys(con, keyring, new_key_id):
    rows = con.execute("SELECT patient_id, diagnosis, key_id FROM patients WHERE diagnosis IS NOT NULL").fetchall()
    # decrypt everything before writing anything: a bad row raises before the first UPDATE
    fresh = []
    for patient_id, blob, key_id in rows:
        aad = str(patient_id).encode()
        fresh.append((sec.encrypt(keyring[new_key_id], sec.decrypt(keyring[key_id], bytes(blob), aad), aad), new_key_id, patient_id))
    with con.transaction():
        with con.cursor() as cur:
            cur.executemany("UPDATE patients SET diagnosis = %s, key_id = %s WHERE patient_id = %s", fresh)
