# compares raw values: a DATE never equals its ISO text, so every date column looks lost
from collections import Counter


def find_losses(source, target):
    losses = set()
    for table in ("customers", "products", "orders", "order_items"):
        src = source.execute(f"SELECT * FROM {table}")
        cols = [d[0] for d in src.description]
        s_rows = src.fetchall()
        t_rows = target.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
        for i, col in enumerate(cols):
            if Counter(r[i] for r in s_rows) != Counter(r[i] for r in t_rows):
                losses.add((table, col))
    return losses
