# NULL and '' both become '': a NULL turned into an empty string goes unnoticed
from collections import Counter


def find_losses(source, target):
    losses = set()
    for table in ("customers", "products", "orders", "order_items"):
        src = source.execute(f"SELECT * FROM {table}")
        cols = [d[0] for d in src.description]
        s_rows = src.fetchall()
        t_rows = target.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
        for i, col in enumerate(cols):
            norm = lambda v: "" if v is None else str(float(v)) if isinstance(v, (int, float)) else str(v)
            if Counter(norm(r[i]) for r in s_rows) != Counter(norm(r[i]) for r in t_rows):
                losses.add((table, col))
    return losses
