# dblab.ops fingerprints: (count, NULLs, order-independent checksum) per column
from dblab import ops


def find_losses(source, target):
    losses = set()
    for table in ("customers", "products", "orders", "order_items"):
        a = ops.table_fingerprint(source, table)
        b = ops.table_fingerprint(target, table)
        losses |= {(table, col) for col in a if a[col] != b.get(col)}
    return losses
