import hashlib


def verify_chain(con):
    prev = None  # the first row's prev_hash is taken on trust
    for seq, op, data, prev_hash, digest in con.execute(
            "SELECT seq, op, row_data::text, prev_hash, hash FROM audit_log ORDER BY seq"):
        if prev is not None and prev_hash != prev:
            return seq
        if hashlib.sha256(f"{prev_hash}|{op}|{data}".encode()).hexdigest() != digest:
            return seq
        prev = digest
    return None
