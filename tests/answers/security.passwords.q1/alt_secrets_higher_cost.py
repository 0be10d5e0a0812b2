import hashlib
import secrets

N, R, P = 2**15, 8, 1


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(24)
    key = hashlib.scrypt(password.encode(), salt=salt, n=N, r=R, p=P, dklen=32, maxmem=2**27)
    return "$".join(["scrypt", str(N), str(R), str(P), salt.hex(), key.hex()])
