"""Security probes and tools: injection payloads, SET ROLE privilege probes, an AEAD cipher.

- `PAYLOADS`, `IDENTIFIER_PAYLOADS`, `SECOND_ORDER_PAYLOADS`: the injection corpus the graders
  (and the notebooks) throw at a search function; `fingerprint(db)` shows whether anything changed.
- `roles(db, ...)`: roles named after the sandbox (role names are cluster-wide), dropped on exit;
  `localize()` rewrites a script written with the plain names; `as_role()` and
  `privilege_probes()` try statements under `SET ROLE`, always rolled back.
- `encrypt` / `decrypt`: AES-256-GCM, an authenticated cipher, from the `cryptography` package
  when it is installed, else from the OpenSSL library Python itself is linked against.
- `plant_weaknesses(db, seed, grantee)`: a database with common mistakes, for a scanner to find.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import hashlib
import os
import random
import re
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from .check import fail
from .sandbox import PostgresSandbox, Sandbox

# ----------------------------------------------------------------------------- the corpus
#: (technique, payload) pairs for a text parameter that ends up inside a quoted string literal
PAYLOADS: list[tuple[str, str]] = [
    ("classic tautology", "' OR '1'='1"),
    ("tautology with comment", "' OR 1=1 --"),
    ("tautology, double dash no space", "'OR 1=1--"),
    ("closing parenthesis", "') OR ('a'='a"),
    ("percent-closed LIKE", "%' OR '1'='1' --"),
    ("stacked DROP", "'; DROP TABLE products; --"),
    ("stacked DELETE", "x'; DELETE FROM users; --"),
    ("stacked UPDATE", "'; UPDATE products SET price = 0; --"),
    ("stacked INSERT", "'; INSERT INTO users (user_id, username) VALUES (999, 'mallory'); --"),
    ("stacked CREATE ROLE", "'; CREATE ROLE mallory SUPERUSER; --"),
    ("stacked GRANT", "'; GRANT ALL ON ALL TABLES IN SCHEMA public TO PUBLIC; --"),
    ("UNION secrets", "' UNION SELECT product_id, name || ':' || supplier_cost, price FROM products --"),
    ("UNION catalog", "zzz' UNION SELECT 1, rolname::text, 0 FROM pg_roles --"),
    ("UNION version", "' UNION ALL SELECT 1, version(), 1 --"),
    ("UNION NULLs", "' UNION SELECT NULL, NULL, NULL --"),
    ("blind boolean true", "Mug' AND 1=1 AND name ILIKE '%"),
    ("blind boolean false", "Mug' AND 1=2 AND name ILIKE '%"),
    ("blind substring", "' OR substr((SELECT username FROM users LIMIT 1), 1, 1) = 'u' --"),
    ("blind count", "' OR (SELECT count(*) FROM users) > 0 --"),
    ("time-based", "'; SELECT pg_sleep(0.05); --"),
    ("error-based cast", "' AND 1=CAST((SELECT username FROM users LIMIT 1) AS int) --"),
    ("comment block", "'/**/OR/**/'1'='1"),
    ("backslash escape", "\\' OR 1=1 --"),
    ("double quote", '" OR ""="'),
    ("dollar quoting", "$$; DROP TABLE users; $$"),
    ("E-string", "' || E'\\x27' || '"),
    ("semicolon only", ";"),
    ("LIKE match-all", "%"),
    ("LIKE single char", "_"),
    ("LIKE escape char", "\\%"),
    ("percent and quote", "%'%"),
    ("unicode quote", "\u2019 OR 1=1 --"),
    ("very long", "A" * 5000),
    ("whitespace", "   "),
    ("case change", "' oR 'A'='a"),
]

#: values for a parameter that names a column (ORDER BY): none may be accepted
IDENTIFIER_PAYLOADS: list[tuple[str, str]] = [
    ("a column that must stay hidden", "supplier_cost"),
    ("stacked query", "price; DROP TABLE products"),
    ("direction smuggled in", "price DESC"),
    ("subquery", "(SELECT supplier_cost)"),
    ("CASE oracle", "CASE WHEN (SELECT count(*) FROM users) > 0 THEN name ELSE price::text END"),
    ("quoted identifier", '"price"'),
    ("quote breakout", 'price"; DROP TABLE products; --'),
    ("position number", "1"),
    ("qualified column", "products.supplier_cost"),
    ("function call", "pg_sleep(0.05)"),
    ("empty", ""),
    ("upper-case name", "PRICE"),
]

#: values stored by one request and used in a query by a later one (second-order injection)
SECOND_ORDER_PAYLOADS: list[tuple[str, str]] = [
    ("stored tautology", "x' OR '1'='1"),
    ("stored stacked DROP", "kitchen'; DROP TABLE users; --"),
    ("stored UNION", "' UNION SELECT product_id, name || '/' || supplier_cost, price FROM products --"),
    ("stored quote", "kids' toys"),
    ("stored UPDATE", "'; UPDATE products SET price = 1; --"),
]


def fingerprint(db: Sandbox) -> str:
    """A digest of everything an attack could change in a PostgreSQL sandbox: every relation and
    its rows, functions, and the cluster's roles (but those of other sandboxes)."""
    con = db.con
    parts: list[str] = []
    rels = con.execute(
        "SELECT n.nspname, c.relname, c.relkind, c.relrowsecurity, coalesce(c.relacl::text, '') "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' "
        "AND c.relkind IN ('r', 'v', 'm', 'S', 'f', 'p') ORDER BY 1, 2"
    ).fetchall()
    from psycopg import sql

    for schema, name, kind, rls, acl in rels:
        parts.append(f"{schema}.{name}:{kind}:{rls}:{acl}")
        if kind == "r":
            digest = con.execute(
                sql.SQL("SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM {}.{} t").format(
                    sql.Identifier(schema), sql.Identifier(name))
            ).fetchone()[0]
            parts.append(digest)
    parts += [f"{r[0]}:{r[1]}" for r in con.execute(
        "SELECT p.proname, md5(p.prosrc) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2").fetchall()]
    # roles are cluster-wide: leave out the per-sandbox ones (x_sb_<pid>_<n>, sb_<pid>_<n>_learner)
    # that other sandboxes of this process create and drop meanwhile
    parts += [f"{r[0]}:{r[1]}" for r in con.execute(
        "SELECT rolname, rolsuper FROM pg_roles WHERE rolname !~ '(^|_)sb_[0-9]+_[0-9]+(_|$)' ORDER BY 1").fetchall()]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


# ------------------------------------------------------------------------------- roles
def _pg(db: Sandbox) -> PostgresSandbox:
    if not isinstance(db, PostgresSandbox):
        raise TypeError("roles exist only on a PostgreSQL sandbox (sandbox.postgres())")
    return db


def _admin_con(db: PostgresSandbox) -> Any:
    """The sandbox's connection, back to the session user and out of any failed transaction."""
    con = db.con
    if con.info.transaction_status != 0:
        con.rollback()
    con.execute("RESET ROLE")
    return con


@contextlib.contextmanager
def roles(db: Sandbox, *names: str, login: bool = False) -> Iterator[dict[str, str]]:
    """Create one role per name, suffixed with the sandbox's database name; drop them on exit.

    Yields {plain name: real role name}. Role names are cluster-wide, so two sandboxes never
    share a role, and nothing is left behind for the next probe.
    """
    from psycopg import sql

    pg = _pg(db)
    mapping = {n: f"{n}_{pg.name}" for n in names}
    con = _admin_con(pg)
    created: list[str] = []
    try:
        for real in mapping.values():
            con.execute(sql.SQL("CREATE ROLE {} " + ("LOGIN" if login else "NOLOGIN")).format(sql.Identifier(real)))
            created.append(real)
        yield mapping
    finally:
        drop_roles(pg, created)


def drop_roles(db: Sandbox, names: Iterable[str]) -> None:
    """Drop roles and everything they own or were granted in this database."""
    from psycopg import sql

    pg = _pg(db)
    con = _admin_con(pg)
    for real in names:
        if con.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (real,)).fetchone():
            con.execute(sql.SQL("DROP OWNED BY {} CASCADE").format(sql.Identifier(real)))
            con.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(real)))


@contextlib.contextmanager
def learner(db: Sandbox) -> Iterator[PostgresSandbox]:
    """`db` as seen by a login role that owns it but is no superuser: hand *this* to a graded
    function (`check.call(fn, app.con)`), never the superuser connection.

    The grader's answer runner is another OS user, so the cluster's socket directory is opened
    for traversal (its files stay private). Tables, views, sequences and functions in schema
    public change owner to the role; on exit they go back and the role is dropped. Unlike
    `PostgresSandbox.learner()`, nothing is left behind, and the trainee's own kernel sees the
    same role as the judge.
    """
    from psycopg import sql
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    pg = _pg(db)
    host = str(conninfo_to_dict(pg.location).get("host", ""))
    if host.startswith("/"):
        with contextlib.suppress(PermissionError):
            os.chmod(host, 0o711)
    role = f"{pg.name}_learner"  # the name the grader's judge recognises (and then hands over as is)
    con = _admin_con(pg)
    con.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(role)))
    app = None
    try:
        con.execute(sql.SQL("ALTER DATABASE {} OWNER TO {}").format(sql.Identifier(pg.name), sql.Identifier(role)))
        objects = con.execute("""
            SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END, c.oid::regclass::text
            FROM pg_class c
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'S')
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))
            UNION ALL
            SELECT 'FUNCTION', p.oid::regprocedure::text FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
        """).fetchall()
        for kind, name in objects:
            con.execute(sql.SQL(f"ALTER {kind} {name} OWNER TO {{}}").format(sql.Identifier(role)))
        app = PostgresSandbox(make_conninfo(pg.location, user=role), pg.name)
        yield app
    finally:
        if app is not None:
            app.close()
        con = _admin_con(pg)
        con.execute(sql.SQL("REASSIGN OWNED BY {} TO CURRENT_USER").format(sql.Identifier(role)))
        con.execute(sql.SQL("DROP OWNED BY {}").format(sql.Identifier(role)))
        con.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))


def localize(script: str, mapping: dict[str, str]) -> str:
    """`script` with each plain role name (a whole word, any case) replaced by its real name."""
    for plain, real in mapping.items():
        script = re.sub(rf"(?<![\w$]){re.escape(plain)}(?![\w$])", real, script, flags=re.IGNORECASE)
    return script


def hand_over(db: Sandbox, owner: str) -> None:
    """Make `owner` the owner of every table, view and sequence in schema public (and let it create there)."""
    from psycopg import sql

    con = _admin_con(_pg(db))
    rows = con.execute(
        "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'p') ORDER BY 1").fetchall()
    for name, _ in rows:
        con.execute(sql.SQL("ALTER TABLE {} OWNER TO {}").format(sql.Identifier(name), sql.Identifier(owner)))
    con.execute(sql.SQL("GRANT USAGE, CREATE ON SCHEMA public TO {}").format(sql.Identifier(owner)))


def apply_as(db: Sandbox, role: str, script: Any, what: str = "your SQL") -> None:
    """Run `script` under SET ROLE `role` and keep its effects; a failure is the answer's fault."""
    from psycopg import sql

    if not isinstance(script, str):
        fail(f"the answer must be a SQL string, got {type(script).__name__}")
    con = _admin_con(_pg(db))
    con.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(role)))
    try:
        con.execute(script)
    except Exception as exc:  # the engine's message is what the trainee needs
        fail(f"{what} failed when run as the table owner: {type(exc).__name__}: {exc}")
    finally:
        _admin_con(_pg(db))


@dataclass
class Attempt:
    """What one statement did under SET ROLE (then rolled back)."""

    ok: bool
    rows: list[tuple]
    rowcount: int
    error: str = ""
    sqlstate: str = ""


def as_role(db: Sandbox, role: str, statement: str, settings: dict[str, Any] | None = None) -> Attempt:
    """Run `statement` as `role` (with custom settings such as app.tenant_id), then roll back."""
    from psycopg import sql

    con = _admin_con(_pg(db))
    con.execute("BEGIN")
    try:
        con.execute(sql.SQL("SET LOCAL ROLE {}").format(sql.Identifier(role)))
        for key, value in (settings or {}).items():
            con.execute("SELECT set_config(%s, %s, true)", (key, str(value)))
        cur = con.execute(statement)
        rows = [tuple(r) for r in cur.fetchall()] if cur.description else []
        return Attempt(True, rows, cur.rowcount)
    except Exception as exc:  # noqa: BLE001 - the error is the probe's result
        return Attempt(False, [], -1, f"{type(exc).__name__}: {exc}".strip(), getattr(exc, "sqlstate", "") or "")
    finally:
        con.rollback()
        con.execute("RESET ROLE")


def privilege_probes(db: Sandbox, role: str, allowed: dict[str, str] | None = None,
                     denied: dict[str, str] | None = None, who: str | None = None,
                     settings: dict[str, Any] | None = None) -> None:
    """Each `allowed` statement must succeed as `role`; each `denied` one must fail with
    "permission denied" (SQLSTATE 42501). Keys are what the trainee reads."""
    who = who or role
    for label, stmt in (allowed or {}).items():
        a = as_role(db, role, stmt, settings)
        if not a.ok:
            fail(f"{who} should be able to {label}, but got {a.error}")
    for label, stmt in (denied or {}).items():
        a = as_role(db, role, stmt, settings)
        if a.ok:
            fail(f"{who} must not be able to {label}, but the statement succeeded")
        if a.sqlstate != "42501":
            fail(f"{who} could not {label}, but for another reason than a missing privilege: {a.error}")


# ------------------------------------------------------------------------------- the cipher
class DecryptionError(Exception):
    """Wrong key, wrong associated data, or a ciphertext that was tampered with."""


NONCE_BYTES, TAG_BYTES, KEY_BYTES = 12, 16, 32


def new_key() -> bytes:
    """A fresh random 256-bit key (keep it outside the database)."""
    return os.urandom(KEY_BYTES)


def encrypt(key: bytes, plaintext: bytes, aad: bytes = b"") -> bytes:
    """AES-256-GCM: returns nonce (12 bytes) + ciphertext + tag (16 bytes). A fresh random nonce
    every call; `aad` is authenticated but not encrypted (bind a ciphertext to its row with it)."""
    _check_key(key)
    nonce = os.urandom(NONCE_BYTES)
    return nonce + _backend().seal(bytes(key), nonce, bytes(plaintext), bytes(aad))


def decrypt(key: bytes, blob: bytes, aad: bytes = b"") -> bytes:
    """The plaintext of `blob`, or DecryptionError if the key, the aad or any byte is wrong."""
    _check_key(key)
    blob = bytes(blob)
    if len(blob) < NONCE_BYTES + TAG_BYTES:
        raise DecryptionError("ciphertext too short")
    return _backend().open(bytes(key), blob[:NONCE_BYTES], blob[NONCE_BYTES:], bytes(aad))


def _check_key(key: bytes) -> None:
    if not isinstance(key, (bytes, bytearray)) or len(key) != KEY_BYTES:
        raise ValueError(f"the key must be {KEY_BYTES} bytes")


def cipher_backend() -> str:
    """Which maintained library does the AES-GCM work here."""
    return _backend().name


class _CryptographyGCM:
    name = "cryptography (AESGCM)"

    def __init__(self) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self._aesgcm = AESGCM

    def seal(self, key: bytes, nonce: bytes, plaintext: bytes, aad: bytes) -> bytes:
        return self._aesgcm(key).encrypt(nonce, plaintext, aad)

    def open(self, key: bytes, nonce: bytes, sealed: bytes, aad: bytes) -> bytes:
        from cryptography.exceptions import InvalidTag

        try:
            return self._aesgcm(key).decrypt(nonce, sealed, aad)
        except InvalidTag:
            raise DecryptionError("authentication failed: wrong key, wrong aad or tampered data") from None


class _OpenSSLGCM:
    """EVP_aes_256_gcm from libcrypto, the OpenSSL library Python's ssl module is linked against."""

    name = "OpenSSL libcrypto (EVP_aes_256_gcm)"
    _SET_IVLEN, _GET_TAG, _SET_TAG = 0x9, 0x10, 0x11

    def __init__(self) -> None:
        import ssl  # noqa: F401 - loads libcrypto into the process

        path = ctypes.util.find_library("crypto") or "libcrypto.so.3"
        lib = ctypes.CDLL(path)
        vp, ip = ctypes.c_void_p, ctypes.c_int
        lib.EVP_CIPHER_CTX_new.restype = vp
        lib.EVP_aes_256_gcm.restype = vp
        lib.EVP_CIPHER_CTX_free.argtypes = [vp]
        for fn in ("EVP_EncryptInit_ex", "EVP_DecryptInit_ex"):
            getattr(lib, fn).argtypes = [vp, vp, vp, ctypes.c_char_p, ctypes.c_char_p]
        for fn in ("EVP_EncryptUpdate", "EVP_DecryptUpdate"):
            getattr(lib, fn).argtypes = [vp, vp, ctypes.POINTER(ip), ctypes.c_char_p, ip]
        for fn in ("EVP_EncryptFinal_ex", "EVP_DecryptFinal_ex"):
            getattr(lib, fn).argtypes = [vp, vp, ctypes.POINTER(ip)]
        lib.EVP_CIPHER_CTX_ctrl.argtypes = [vp, ip, ip, vp]
        self.lib = lib

    def _run(self, encrypting: bool, key: bytes, nonce: bytes, data: bytes, aad: bytes, tag: bytes = b"") -> tuple[bytes, bytes]:
        lib = self.lib
        ctx = lib.EVP_CIPHER_CTX_new()
        if not ctx:
            raise MemoryError("EVP_CIPHER_CTX_new failed")
        init, update, final = (("EVP_EncryptInit_ex", "EVP_EncryptUpdate", "EVP_EncryptFinal_ex") if encrypting
                               else ("EVP_DecryptInit_ex", "EVP_DecryptUpdate", "EVP_DecryptFinal_ex"))
        try:
            n = ctypes.c_int(0)
            ok = getattr(lib, init)(ctx, lib.EVP_aes_256_gcm(), None, None, None)
            ok &= lib.EVP_CIPHER_CTX_ctrl(ctx, self._SET_IVLEN, len(nonce), None)
            ok &= getattr(lib, init)(ctx, None, None, key, nonce)
            if aad:
                ok &= getattr(lib, update)(ctx, None, ctypes.byref(n), aad, len(aad))
            out = ctypes.create_string_buffer(len(data) + 16)
            ok &= getattr(lib, update)(ctx, out, ctypes.byref(n), data, len(data))
            produced = n.value
            if not ok:
                raise RuntimeError("OpenSSL AES-GCM setup failed")
            if encrypting:
                if getattr(lib, final)(ctx, ctypes.byref(out, produced), ctypes.byref(n)) != 1:
                    raise RuntimeError("OpenSSL AES-GCM encryption failed")
                tag_buf = ctypes.create_string_buffer(TAG_BYTES)
                lib.EVP_CIPHER_CTX_ctrl(ctx, self._GET_TAG, TAG_BYTES, tag_buf)
                return out.raw[:produced], tag_buf.raw
            tag_buf = ctypes.create_string_buffer(tag, TAG_BYTES)
            lib.EVP_CIPHER_CTX_ctrl(ctx, self._SET_TAG, TAG_BYTES, tag_buf)
            if getattr(lib, final)(ctx, ctypes.byref(out, produced), ctypes.byref(n)) != 1:
                raise DecryptionError("authentication failed: wrong key, wrong aad or tampered data")
            return out.raw[:produced], b""
        finally:
            lib.EVP_CIPHER_CTX_free(ctx)

    def seal(self, key: bytes, nonce: bytes, plaintext: bytes, aad: bytes) -> bytes:
        ct, tag = self._run(True, key, nonce, plaintext, aad)
        return ct + tag

    def open(self, key: bytes, nonce: bytes, sealed: bytes, aad: bytes) -> bytes:
        return self._run(False, key, nonce, sealed[:-TAG_BYTES], aad, sealed[-TAG_BYTES:])[0]


_BACKEND: list[Any] = []


def _backend() -> Any:
    if not _BACKEND:
        try:
            _BACKEND.append(_CryptographyGCM())
        except ImportError:
            _BACKEND.append(_OpenSSLGCM())
    return _BACKEND[0]


# ----------------------------------------------------------------------- a weak database
#: what a vulnerability scan reports, as (check, object) pairs
CHECKS = {
    "public_grant": "PUBLIC holds a privilege on a table (object: the table)",
    "no_rls": "a table with a tenant_id column has row-level security disabled (object: the table)",
    "definer_search_path": "a SECURITY DEFINER function without a fixed search_path (object: the function)",
    "plaintext_password": "a column whose name contains 'password' holds a value that is not a scrypt$ or $argon2 hash (object: table.column)",
    "public_schema_create": "PUBLIC may CREATE in a schema (object: the schema)",
}

_NOUNS = ["invoices", "tickets", "notes", "leads", "shipments", "contracts", "visits", "claims", "badges",
          "quotes", "refunds", "devices", "projects", "reviews", "alerts"]


def plant_weaknesses(db: Sandbox, seed: int, grantee: str) -> set[tuple[str, str]]:
    """Build a schema in `db` with some of the CHECKS planted and clean look-alikes beside them;
    return the findings a correct scanner reports. `grantee` is an existing role for clean grants."""
    from psycopg import sql

    rng = random.Random(seed)
    con = _admin_con(_pg(db))
    names = iter(rng.sample(_NOUNS, len(_NOUNS)))
    found: set[tuple[str, str]] = set()
    ident = sql.Identifier

    def table(extra: str = "") -> str:
        name = next(names)
        con.execute(sql.SQL("CREATE TABLE {} (id int PRIMARY KEY, label text" + extra + ")").format(ident(name)))
        con.execute(sql.SQL("INSERT INTO {} (id, label) SELECT g, 'row ' || g FROM generate_series(1, 3) g").format(ident(name)))
        return name

    privileges = [rng.choice(["INSERT", "UPDATE", "DELETE"])]  # PUBLIC grants, not always SELECT
    privileges += rng.sample(["SELECT", "ALL", "SELECT, UPDATE", "TRUNCATE"], rng.randint(0, 2))
    for priv in privileges:
        t = table()
        con.execute(sql.SQL("GRANT " + priv + " ON {} TO PUBLIC").format(ident(t)))
        found.add(("public_grant", t))
    t = table()  # clean: granted to a named role only
    con.execute(sql.SQL("GRANT SELECT, INSERT ON {} TO {}").format(ident(t), ident(grantee)))

    for _ in range(rng.randint(1, 2)):  # tenant tables
        t = table(", tenant_id int")
        if rng.random() < 0.6:
            found.add(("no_rls", t))
        else:
            con.execute(sql.SQL("ALTER TABLE {} ENABLE ROW LEVEL SECURITY").format(ident(t)))
    t = table(", tenant_id int")
    con.execute(sql.SQL("ALTER TABLE {} ENABLE ROW LEVEL SECURITY").format(ident(t)))
    if rng.random() < 0.5:  # RLS on a table without tenant_id is not required
        table()

    verbs = iter(rng.sample(["purge", "promote", "reset", "export", "archive", "approve"], 6))
    for _ in range(rng.randint(1, 2)):
        f = f"{next(verbs)}_account"
        con.execute(sql.SQL("CREATE FUNCTION {}(a int) RETURNS int LANGUAGE sql SECURITY DEFINER AS 'SELECT a'").format(ident(f)))
        found.add(("definer_search_path", f))
    f = f"{next(verbs)}_account"  # clean: definer with a pinned search_path
    con.execute(sql.SQL("CREATE FUNCTION {}(a int) RETURNS int LANGUAGE sql SECURITY DEFINER "
                        "SET search_path = pg_catalog, pg_temp AS 'SELECT a'").format(ident(f)))
    f = f"{next(verbs)}_account"  # clean: an ordinary (invoker) function
    con.execute(sql.SQL("CREATE FUNCTION {}(a int) RETURNS int LANGUAGE sql AS 'SELECT a'").format(ident(f)))

    hashed = ["scrypt$16384$8$1$" + "ab" * 16 + "$" + "cd" * 32, "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA"]
    columns = [rng.choice(["user_password", "password_plain", "admin_password"]), "password"]
    for k, col in enumerate(columns):
        t = table(f", {col} text")
        if k == 0 or rng.random() < 0.5:
            vals = [rng.choice(hashed), "hunter2", None]
            found.add(("plaintext_password", f"{t}.{col}"))
        else:
            vals = [rng.choice(hashed), rng.choice(hashed), None]
        for i, v in enumerate(vals, start=1):
            con.execute(sql.SQL("UPDATE {} SET {} = %s WHERE id = %s").format(ident(t), ident(col)), (v, i))
    t = table(", password_hash text")  # clean: hashes only
    con.execute(sql.SQL("UPDATE {} SET password_hash = %s").format(ident(t)), (hashed[0],))

    if rng.random() < 0.5:
        con.execute("GRANT CREATE ON SCHEMA public TO PUBLIC")
        found.add(("public_schema_create", "public"))
    schema = rng.choice(["staging", "scratch", "imports"])
    con.execute(sql.SQL("CREATE SCHEMA {}").format(ident(schema)))
    if rng.random() < 0.5:
        con.execute(sql.SQL("GRANT CREATE ON SCHEMA {} TO PUBLIC").format(ident(schema)))
        found.add(("public_schema_create", schema))
    else:
        con.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO PUBLIC").format(ident(schema)))
    return found
