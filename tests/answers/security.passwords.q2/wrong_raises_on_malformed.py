import hashlib
import hmac


def verify_password(password, stored):
    scheme, n, r, p, salt, key = stored.split("$")
    candidate = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                               dklen=32, maxmem=2**27)
    return scheme == "scrypt" and hmac.compare_digest(candidate, bytes.fromhex(key))
