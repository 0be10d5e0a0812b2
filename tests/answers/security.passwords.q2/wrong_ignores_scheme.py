import hashlib
import hmac


def verify_password(password, stored):
    try:
        _, n, r, p, salt, key = stored.split("$")
        key = bytes.fromhex(key)
        if len(key) != 32:
            return False
        candidate = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                                   dklen=32, maxmem=2**27)
    except ValueError:
        return False
    return hmac.compare_digest(candidate, key)
