# Caches the absence of a key (None), which the policy forbids: hits differ.
from collections import OrderedDict


def cache_aside(initial, ops, capacity):
    database, cache, reads = dict(initial), OrderedDict(), []
    for op in ops:
        if op[0] == "put":
            database[op[1]] = op[2]
            cache.pop(op[1], None)
            continue
        key = op[1]
        if key in cache:
            cache.move_to_end(key)
            reads.append((cache[key], "hit"))
        else:
            if len(cache) >= capacity:
                cache.popitem(last=False)
            cache[key] = database.get(key)
            reads.append((cache[key], "miss"))
    return reads
