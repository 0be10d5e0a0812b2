import hashlib


def assign_shards(keys, nodes):
    nodes = sorted(nodes)
    return {k: nodes[int(hashlib.md5(k.encode()).hexdigest(), 16) % len(nodes)] for k in keys}
