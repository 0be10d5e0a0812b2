# Group by stream, keep the highest-numbered copy of each version, fold with a dispatch table.
from collections import defaultdict
from functools import reduce

APPLY = {
    "opened": lambda a, d: {"owner": d["owner"], "balance": 0, "status": "open"},
    "deposited": lambda a, d: {**a, "balance": a["balance"] + d["amount"]},
    "withdrawn": lambda a, d: {**a, "balance": a["balance"] - d["amount"]},
    "renamed": lambda a, d: {**a, "owner": d["owner"]},
    "frozen": lambda a, d: {**a, "status": "frozen"},
    "unfrozen": lambda a, d: {**a, "status": "open"},
    "closed": lambda a, d: {**a, "status": "closed"},
}


def project(events):
    streams = defaultdict(dict)
    for e in events:
        streams[e["stream"]][e["version"]] = e
    return {
        s: reduce(lambda acc, v: APPLY[by_version[v]["type"]](acc, by_version[v]["data"]), sorted(by_version), None)
        for s, by_version in streams.items()
    }
