import bisect
import hashlib


def assign_shards(keys, nodes):
    h = lambda s: int(hashlib.md5(s.encode()).hexdigest(), 16)
    ring = sorted((h(n), n) for n in nodes)
    points = [p for p, _ in ring]
    return {k: ring[bisect.bisect_left(points, h(k)) % len(ring)][1] for k in keys}
