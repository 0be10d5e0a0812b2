import hashlib


def assign_shards(keys, nodes):
    """Highest-random-weight (rendezvous) hashing: also moves only the keys it must."""
    def weight(node, key):
        return hashlib.sha256(f"{node}|{key}".encode()).digest()
    return {k: max(nodes, key=lambda n: weight(n, k)) for k in keys}
