"""dblab.sec: the cipher, role probes, the learner connection, fingerprints, the weak database."""

from __future__ import annotations

import pytest

from dblab import check, sandbox, sec


@pytest.fixture(scope="module")
def shop():
    return sandbox.postgres("security_shop", seed=0)


def test_aes_gcm_matches_the_nist_vectors():
    backend = sec._backend()
    # GCM spec test cases 13 and 14 (AES-256, zero key and IV)
    assert backend.seal(bytes(32), bytes(12), b"", b"").hex() == "530f8afbc74536b9a963b4f1c4cb738b"
    assert backend.seal(bytes(32), bytes(12), bytes(16), b"").hex() == (
        "cea7403d4d606b6e074ec5d3baf39d18" "d0d1c8a799996bf0265b98b5d48ab919")


def test_decrypt_refuses_wrong_key_aad_or_tampering():
    key = sec.new_key()
    blob = sec.encrypt(key, b"diagnosis", b"17")
    assert sec.decrypt(key, blob, b"17") == b"diagnosis"
    assert sec.encrypt(key, b"diagnosis", b"17") != blob  # a fresh nonce every time
    flipped = bytearray(blob)
    flipped[-1] ^= 1
    for args in [(sec.new_key(), blob, b"17"), (key, blob, b"18"), (key, bytes(flipped), b"17")]:
        with pytest.raises(sec.DecryptionError):
            sec.decrypt(*args)


def test_roles_are_suffixed_and_dropped(shop):
    with sec.roles(shop, "reader") as r:
        assert r["reader"] == f"reader_{shop.name}"
        shop.execute(f'GRANT SELECT ON products TO "{r["reader"]}"')
        assert shop.sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (r["reader"],)).rows
    assert not shop.sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (r["reader"],)).rows


def test_localize_replaces_whole_role_names_only():
    script = "GRANT SELECT ON reader_view TO reader; GRANT USAGE ON SCHEMA s TO \"reader\""
    assert sec.localize(script, {"reader": "reader_sb_1_2"}) == (
        "GRANT SELECT ON reader_view TO reader_sb_1_2; GRANT USAGE ON SCHEMA s TO \"reader_sb_1_2\"")


def test_privilege_probes_tell_allowed_from_denied(shop):
    with sec.roles(shop, "reader") as r:
        shop.execute(f'GRANT SELECT (product_id, name) ON products TO "{r["reader"]}"')
        sec.privilege_probes(shop, r["reader"], allowed={"read names": "SELECT name FROM products"},
                             denied={"read costs": "SELECT supplier_cost FROM products"})
        with pytest.raises(check.CheckFailed, match="should be able to read costs"):
            sec.privilege_probes(shop, r["reader"], allowed={"read costs": "SELECT supplier_cost FROM products"})
        with pytest.raises(check.CheckFailed, match="another reason"):
            sec.privilege_probes(shop, r["reader"], denied={"read a missing table": "SELECT * FROM nowhere"})


def test_as_role_rolls_back_and_applies_settings(shop):
    with sec.roles(shop, "writer") as r:
        shop.execute(f'GRANT UPDATE, SELECT ON products TO "{r["writer"]}"')
        a = sec.as_role(shop, r["writer"], "UPDATE products SET price = 0", {"app.tenant_id": 2})
        assert a.ok and a.rowcount == 30
        assert shop.sql("SELECT count(*) FROM products WHERE price = 0").rows == [(0,)]
        a = sec.as_role(shop, r["writer"], "SELECT current_user, current_setting('app.tenant_id')", {"app.tenant_id": 2})
        assert a.rows == [(r["writer"], "2")]


def test_learner_owns_the_database_but_is_no_superuser():
    db = sandbox.postgres("security_shop", seed=1)
    with sec.learner(db) as app:
        row = app.sql("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user").rows[0]
        assert row == (f"{db.name}_learner", False)
        app.execute("UPDATE products SET price = price + 1")  # owner of the tables
        with pytest.raises(Exception, match="permission denied"):
            app.execute("CREATE ROLE mallory SUPERUSER")
    assert not db.sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (f"{db.name}_learner",)).rows
    assert db.sql("SELECT count(*) FROM products").rows == [(30,)]


def test_fingerprint_sees_a_changed_row_and_a_new_role(shop):
    before = sec.fingerprint(shop)
    assert sec.fingerprint(shop) == before
    shop.execute("UPDATE users SET username = 'mallory' WHERE user_id = 1")
    assert sec.fingerprint(shop) != before
    shop.execute("UPDATE users SET username = 'user1' WHERE user_id = 1")
    assert sec.fingerprint(shop) == before
    with sec.roles(shop, "extra"):  # another sandbox's roles come and go: not this database's business
        assert sec.fingerprint(shop) == before
    shop.execute("CREATE ROLE mallory_fp")
    try:
        assert sec.fingerprint(shop) != before
    finally:
        shop.execute("DROP ROLE mallory_fp")


def test_payload_corpus_is_large_and_varied():
    assert len(sec.PAYLOADS) >= 30
    kinds = " ".join(k for k, _ in sec.PAYLOADS)
    for word in ("UNION", "stacked", "blind", "LIKE", "time-based"):
        assert word in kinds
    assert sec.IDENTIFIER_PAYLOADS and sec.SECOND_ORDER_PAYLOADS


def test_planted_weaknesses_depend_on_the_seed_only():
    found = []
    for seed in (3, 3, 4):
        db = sandbox.postgres()
        with sec.roles(db, "app") as r:
            found.append(sec.plant_weaknesses(db, seed, r["app"]))
    assert found[0] == found[1] != found[2]
    assert {check for check, _ in found[0]} >= {"public_grant", "definer_search_path", "plaintext_password"}
