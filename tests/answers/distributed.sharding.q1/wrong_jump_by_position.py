import bisect
import hashlib


def assign_shards(keys, nodes):
    # virtual nodes named by the node's position in the list, not by its name
    h = lambda s: int(hashlib.md5(s.encode()).hexdigest(), 16)
    ring = sorted((h(f"{i}#{v}"), n) for i, n in enumerate(nodes) for v in range(200))
    points = [p for p, _ in ring]
    return {k: ring[bisect.bisect_left(points, h(k)) % len(ring)][1] for k in keys}
