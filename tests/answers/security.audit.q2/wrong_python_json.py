import hashlib
import json


def verify_chain(con):
    # re-serialises row_data in Python instead of hashing PostgreSQL's row_data::text
    prev = "0" * 64
    for seq, op, data, prev_hash, digest in con.execute(
            "SELECT seq, op, row_data, prev_hash, hash FROM audit_log ORDER BY seq"):
        text = json.dumps(data)
        if prev_hash != prev or hashlib.sha256(f"{prev_hash}|{op}|{text}".encode()).hexdigest() != digest:
            return seq
        prev = digest
    return None
