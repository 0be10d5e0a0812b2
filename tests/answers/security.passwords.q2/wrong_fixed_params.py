import hashlib
import hmac


def verify_password(password, stored):
    # ignores the parameters stored with the hash
    try:
        _, _, _, _, salt, key = stored.split("$")
        candidate = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt), n=2**14, r=8, p=1, dklen=32)
        return hmac.compare_digest(candidate, bytes.fromhex(key))
    except ValueError:
        return False
