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
    cls = type(old)
    if cls is not type(new):
        return False
    fields = _FIELDS.get(cls)
    if fields is None:
        if cls is tuple or cls is list or isinstance(old, (tuple, list)):
            if len(old) != len(new):
                return False
            for a, b in zip(old, new):
                if a is not b and not same_but_wording(a, b):
                    return False
            return True
        if isinstance(old, dict):
            return old.keys() == new.keys() and all(same_but_wording(old[k], new[k]) for k in old)
        if not dataclasses.is_dataclass(old):
            return bool(old == new)
        fields = _fields(cls)
    for field in fields:
        a, b = getattr(old, field), getattr(new, field)
        if a is b:
            continue
        if type(a) in _LEAVES:  # a plain value: compared here, not in a call of its own
            if type(a) is not type(b) or a != b:
                return False
        elif not same_but_wording(a, b):
            return False
    return True


_LEAVES = frozenset({str, int, float, bool, type(None)})


_FIELDS: dict[type, tuple[str, ...]] = {}  # a dataclass's compared fields but its wording


def _fields(cls: type) -> tuple[str, ...]:
    _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls) if f.compare and f.name not in WORDING)
    return _FIELDS[cls]
