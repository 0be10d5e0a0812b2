"""JSON encoding of the values that cross between the judge and the answer runner.

Only plain data crosses: numbers, strings, containers, dates, decimals, bytes, data frames and
sandbox handles. Anything else is refused with a message, never pickled.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import json
import math
from typing import Any, Callable

MAX_BYTES = 20_000_000


class CodecError(TypeError):
    """A value that cannot cross the process boundary."""


def encode(value: Any, sandbox_handle: Callable[[Any], dict | None] | None = None, depth: int = 0) -> Any:
    if depth > 50:
        raise CodecError("value nested too deeply")
    if sandbox_handle is not None:
        h = sandbox_handle(value)
        if h is not None:
            return {"__t__": "sandbox", "h": h}
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value if abs(value) < 2**53 else {"__t__": "bigint", "v": str(value)}
    if isinstance(value, float):
        return value if math.isfinite(value) else {"__t__": "float", "v": repr(value)}
    enc = lambda v: encode(v, sandbox_handle, depth + 1)  # noqa: E731
    if isinstance(value, list):
        return [enc(v) for v in value]
    if isinstance(value, tuple):
        return {"__t__": "tuple", "v": [enc(v) for v in value]}
    if isinstance(value, (set, frozenset)):
        return {"__t__": "frozenset" if isinstance(value, frozenset) else "set", "v": [enc(v) for v in value]}
    if isinstance(value, dict):
        return {"__t__": "dict", "v": [[enc(k), enc(v)] for k, v in value.items()]}
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"__t__": "bytes", "v": base64.b64encode(bytes(value)).decode()}
    if isinstance(value, dt.datetime):
        return {"__t__": "datetime", "v": value.isoformat()}
    if isinstance(value, dt.date):
        return {"__t__": "date", "v": value.isoformat()}
    if isinstance(value, dt.time):
        return {"__t__": "time", "v": value.isoformat()}
    if isinstance(value, decimal.Decimal):
        return {"__t__": "decimal", "v": str(value)}
    if hasattr(value, "item") and type(value).__module__.startswith("numpy") and getattr(value, "ndim", 1) == 0:
        return enc(value.item())
    if type(value).__name__ == "DataFrame" and type(value).__module__.startswith("pandas"):
        return {
            "__t__": "frame",
            "columns": [str(c) for c in value.columns],
            "rows": [enc(tuple(r)) for r in value.astype(object).itertuples(index=False, name=None)],
        }
    if type(value).__name__ == "Result" and hasattr(value, "columns") and hasattr(value, "rows"):
        return {"__t__": "result", "columns": list(value.columns), "rows": [enc(tuple(r)) for r in value.rows]}
    raise CodecError(f"a value of type {type(value).__name__} cannot be graded (return plain data)")


def decode(value: Any, open_sandbox: Callable[[dict], Any] | None = None) -> Any:
    dec = lambda v: decode(v, open_sandbox)  # noqa: E731
    if isinstance(value, list):
        return [dec(v) for v in value]
    if not isinstance(value, dict):
        return value
    t = value.get("__t__")
    v = value.get("v")
    if t == "tuple":
        return tuple(dec(x) for x in v)
    if t == "set":
        return {dec(x) for x in v}
    if t == "frozenset":
        return frozenset(dec(x) for x in v)
    if t == "dict":
        return {_hashable(dec(k)): dec(x) for k, x in v}
    if t == "bytes":
        return base64.b64decode(v)
    if t == "datetime":
        return dt.datetime.fromisoformat(v)
    if t == "date":
        return dt.date.fromisoformat(v)
    if t == "time":
        return dt.time.fromisoformat(v)
    if t == "decimal":
        return decimal.Decimal(v)
    if t == "bigint":
        return int(v)
    if t == "float":
        return float(v)
    if t == "frame":
        import pandas as pd

        return pd.DataFrame([dec(r) for r in value["rows"]], columns=value["columns"])
    if t == "result":
        from dblab.sandbox import Result

        return Result(list(value["columns"]), [dec(r) for r in value["rows"]])
    if t == "sandbox":
        if open_sandbox is None:
            raise CodecError("unexpected sandbox handle")
        return open_sandbox(value["h"])
    raise CodecError(f"unknown encoded value {str(value)[:80]}")


def _hashable(v: Any) -> Any:
    if isinstance(v, list):
        return tuple(_hashable(x) for x in v)
    if isinstance(v, set):
        return frozenset(v)
    return v


def dumps(message: dict) -> bytes:
    data = json.dumps(message, ensure_ascii=False).encode()
    if len(data) > MAX_BYTES:
        raise CodecError(f"message of {len(data)} bytes exceeds the {MAX_BYTES} byte limit")
    return data + b"\n"
