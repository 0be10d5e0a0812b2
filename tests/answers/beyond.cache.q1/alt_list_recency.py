# Recency kept in a plain list (most recent last) beside a dict of cached values.
def cache_aside(initial, ops, capacity):
    store = {k: v for k, v in initial.items()}
    cached, recency, out = {}, [], []

    def touch(key):
        if key in recency:
            recency.remove(key)
        recency.append(key)

    for op in ops:
        kind, key = op[0], op[1]
        if kind == "put":
            store[key] = op[2]
            if key in cached:
                del cached[key]
                recency.remove(key)
        elif key in cached:
            touch(key)
            out.append((cached[key], "hit"))
        elif key not in store:
            out.append((None, "miss"))
        else:
            if len(cached) == capacity:
                del cached[recency.pop(0)]
            cached[key] = store[key]
            touch(key)
            out.append((store[key], "miss"))
    return out
