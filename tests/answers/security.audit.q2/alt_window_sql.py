def verify_chain(con):
    # the whole check in SQL: lag() gives each row its predecessor's hash
    row = con.execute("""
        SELECT min(seq) FROM (
            SELECT seq, prev_hash, hash,
                   coalesce(lag(hash) OVER (ORDER BY seq), repeat('0', 64)) AS expected_prev,
                   encode(sha256(convert_to(prev_hash || '|' || op || '|' || row_data::text, 'UTF8')), 'hex') AS expected_hash
            FROM audit_log) t
        WHERE prev_hash IS DISTINCT FROM expected_prev OR hash IS DISTINCT FROM expected_hash
    """).fetchone()
    return row[0]
