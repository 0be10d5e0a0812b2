import hashlib


def verify_chain(con):
    # checks each row's hash against its own prev_hash, but never the link to the row before
    for seq, op, data, prev_hash, digest in con.execute(
            "SELECT seq, op, row_data::text, prev_hash, hash FROM audit_log ORDER BY seq"):
        if hashlib.sha256(f"{prev_hash}|{op}|{data}".encode()).hexdigest() != digest:
            return seq
    return None
