import hashlib
import os


def hash_password(password):
    salt = os.urandom(16)
    # the salt is stored but never mixed into the key
    key = hashlib.scrypt(password.encode("utf-8"), salt=b"", n=2**14, r=8, p=1, dklen=32)
    return f"scrypt${2**14}$8$1${salt.hex()}${key.hex()}"
