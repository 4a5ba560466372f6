"""Naming every target shares: a wire name's words, and collisions resolved by a numeric suffix in first-seen order."""

from __future__ import annotations

import re
import unicodedata

_WORD_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NON_WORD = re.compile(r"[^0-9a-zA-Z]+")


def words(name: str) -> list[str]:
    """``remixedFromVideoID`` -> ``['remixed', 'From', 'Video', 'ID']``: ASCII letters and digits, split at case
    changes and at anything else."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return [w for w in _NON_WORD.split(_WORD_BOUNDARY.sub(" ", folded)) if w]


def snake(name: str) -> str:
    """The lower-case words joined by ``_`` (empty for a name without letters or digits)."""
    return "_".join(w.lower() for w in words(name))


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
