import hashlib
import os


def hash_password(password):
    n = 2**10  # fast to compute -- and fast to attack
    salt = os.urandom(16)
    key = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=8, p=1, dklen=32)
    return f"scrypt${n}$8$1${salt.hex()}${key.hex()}"
