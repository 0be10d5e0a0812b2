# parse each statement with sqlglot instead of matching text
import sqlglot
from sqlglot import exp


def recovery_target(history):
    for entry in history:
        tree = sqlglot.parse_one(entry["statement"], read="postgres")
        if isinstance(tree, exp.TruncateTable) or (isinstance(tree, exp.Drop) and tree.kind == "TABLE"):
            return entry["lsn"]
        if isinstance(tree, (exp.Delete, exp.Update)) and tree.args.get("where") is None:
            return entry["lsn"]
