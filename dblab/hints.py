"""Hints written with each problem, revealed one at a time."""

from __future__ import annotations

import json
from pathlib import Path

_shown: dict[str, int] = {}
HINTS_FILE = Path(__file__).with_name("hints.json")


def hint(grade_id: str) -> None:
    """Print the next hint for problem `grade_id` (call again for the next one)."""
    hints = json.loads(HINTS_FILE.read_text()).get(grade_id) if HINTS_FILE.exists() else None
    if not hints:
        print(f"No hints for {grade_id!r}.")
        return
    n = _shown.get(grade_id, 0)
    if n >= len(hints):
        print(f"That was the last hint for {grade_id} ({len(hints)} in all).")
        return
    _shown[grade_id] = n + 1
    print(f"Hint {n + 1}/{len(hints)} for {grade_id}: {hints[n]}")
