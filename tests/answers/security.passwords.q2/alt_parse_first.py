import hashlib
import re
import secrets

PATTERN = re.compile(r"scrypt\$(\d+)\$(\d+)\$(\d+)\$((?:[0-9a-f]{2})+)\$([0-9a-f]{64})")


def verify_password(password, stored):
    m = PATTERN.fullmatch(stored) if isinstance(stored, str) else None
    if m is None:
        return False
    n, r, p = (int(x) for x in m.group(1, 2, 3))
    if n < 2 or n & (n - 1) or 128 * r * n > 2**27:
        return False
    try:
        candidate = hashlib.scrypt(password.encode(), salt=bytes.fromhex(m[4]), n=n, r=r, p=p, dklen=32, maxmem=2**27)
    except ValueError:
        return False
    return secrets.compare_digest(candidate, bytes.fromhex(m[5]))
