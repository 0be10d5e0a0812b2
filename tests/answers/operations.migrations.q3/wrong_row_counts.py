# counts rows and NULLs only: a truncated or rounded value keeps both
def find_losses(source, target):
    losses = set()
    for table in ("customers", "products", "orders", "order_items"):
        cols = [d[0] for d in source.execute(f"SELECT * FROM {table} LIMIT 0").description]
        for col in cols:
            a = source.execute(f"SELECT count(*), count({col}) FROM {table}").fetchone()
            b = target.execute(f"SELECT count(*), count({col}) FROM {table}").fetchone()
            if tuple(a) != tuple(b):
                losses.add((table, col))
    return losses
