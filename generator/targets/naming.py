"""Naming every target shares: collisions resolved by a numeric suffix, in first-seen order."""

from __future__ import annotations


def unique(name: str, taken: set[str], *, fold_case: bool = False) -> str:
    """Return ``name`` or ``name2``, ``name3``... so that it is not in ``taken``; records the result in ``taken``."""

    def key(n: str) -> str:
        return n.lower() if fold_case else n

    candidate, n = name, 2
    while key(candidate) in taken:
        candidate = f"{name}{n}"
        n += 1
    taken.add(key(candidate))
    return candidate
