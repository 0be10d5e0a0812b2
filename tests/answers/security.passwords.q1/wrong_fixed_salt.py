import hashlib

SALT = b"dblab-shop-salt!"  # one salt for everybody: equal passwords give equal hashes


def hash_password(password):
    key = hashlib.scrypt(password.encode("utf-8"), salt=SALT, n=2**14, r=8, p=1, dklen=32)
    return f"scrypt${2**14}$8$1${SALT.hex()}${key.hex()}"
