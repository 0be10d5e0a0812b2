# Writes the database but leaves the old value in the cache: later reads are stale.
from collections import OrderedDict


def cache_aside(initial, ops, capacity):
    database, cache, reads = dict(initial), OrderedDict(), []
    for op in ops:
        if op[0] == "put":
            database[op[1]] = op[2]
            continue
        key = op[1]
        if key in cache:
            cache.move_to_end(key)
            reads.append((cache[key], "hit"))
        else:
            if key in database:
                if len(cache) >= capacity:
                    cache.popitem(last=False)
                cache[key] = database[key]
            reads.append((database.get(key), "miss"))
    return reads
