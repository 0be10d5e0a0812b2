"""Checks for schema design answers: BCNF of a relation and the chase test for lossless joins."""

from __future__ import annotations

from itertools import combinations
from typing import Iterable

FD = tuple[Iterable[str], Iterable[str]]


def _plus(attrs: Iterable[str], fds: list[FD]) -> set[str]:
    x = set(attrs)
    while True:
        more = x.union(*[set(r) for lhs, r in fds if set(lhs) <= x])
        if more == x:
            return x
        x = more


def is_bcnf(relation: set[str], fds: list[FD]) -> bool:
    """True when every non-trivial dependency X → Y holding on `relation` has X as a superkey.

    Dependencies holding on a projection are found through closures of every subset, so FDs
    implied transitively through attributes outside the relation count too.
    """
    rel = set(relation)
    for size in range(1, len(rel)):
        for combo in combinations(sorted(rel), size):
            x = set(combo)
            implied = _plus(x, fds) & rel
            if implied != x and not implied >= rel:
                return False
    return True


def project(attributes: set[str], fds: list[FD]) -> list[FD]:
    """The dependencies that hold on `attributes`: X -> (X+ restricted to attributes) for every X.

    Dependencies through attributes outside the relation (A -> B -> C seen on {A, C}) survive.
    """
    attrs = sorted(attributes)
    out: list[FD] = []
    for size in range(1, len(attrs) + 1):
        for combo in combinations(attrs, size):
            implied = _plus(combo, fds) & set(attrs)
            if implied - set(combo):
                out.append((set(combo), implied - set(combo)))
    return out


def is_lossless(attributes: set[str], parts: list[set[str]], fds: list[FD]) -> bool:
    """The chase test: does the natural join of the projections give back the relation?"""
    cols = sorted(attributes)
    if not parts or set().union(*parts) != set(attributes):
        return False
    fds = project(attributes, fds)
    # a row per part: 'a' (distinguished) where the part has the column, else a unique symbol
    table = [[("a", c) if c in p else ("b", i, c) for c in cols] for i, p in enumerate(parts)]
    changed = True
    while changed:
        changed = False
        for lhs, rhs in fds:
            li = [cols.index(c) for c in lhs if c in cols]
            ri = [cols.index(c) for c in rhs if c in cols]
            if len(li) != len(set(lhs)):
                continue
            groups: dict[tuple, list[list]] = {}
            for row in table:
                groups.setdefault(tuple(row[i] for i in li), []).append(row)
            for rows in groups.values():
                for j in ri:
                    best = min((r[j] for r in rows), key=lambda v: (v[0] != "a", str(v)))
                    olds = {r[j] for r in rows} - {best}
                    if olds:  # symbols are variables: rename them in the whole column
                        for r in table:
                            if r[j] in olds:
                                r[j] = best
                        changed = True
    return any(all(v[0] == "a" for v in row) for row in table)
