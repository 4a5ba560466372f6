"""Whether two models differ only in wording: descriptions and summaries, which the differ never reads and a target
turns only into docs. Such a pair has no SDK-surface changes, which a CHANGELOG learns without planning either side."""

from __future__ import annotations

import dataclasses
from typing import Any

WORDING = frozenset({"description", "summary"})


def same_but_wording(old: Any, new: Any) -> bool:
    """Whether ``old`` and ``new`` (model values) are equal in every compared field but their wording."""
    if old is new:
        return True
    if type(old) is not type(new):
        return False
    if isinstance(old, (tuple, list)):
        return len(old) == len(new) and all(same_but_wording(a, b) for a, b in zip(old, new))
    if isinstance(old, dict):
        return old.keys() == new.keys() and all(same_but_wording(old[k], new[k]) for k in old)
    if dataclasses.is_dataclass(old):
        for field in _fields(type(old)):
            if not same_but_wording(getattr(old, field), getattr(new, field)):
                return False
        return True
    return bool(old == new)


_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(cls: type) -> tuple[str, ...]:
    if cls not in _FIELDS:
        _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls) if f.compare and f.name not in WORDING)
    return _FIELDS[cls]
