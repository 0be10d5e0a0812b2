# Evicts the oldest inserted key (FIFO), not the least recently used one.
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
            reads.append((cache[key], "hit"))
        else:
            if key in database:
                if len(cache) >= capacity:
                    cache.popitem(last=False)
                cache[key] = database[key]
            reads.append((database.get(key), "miss"))
    return reads
