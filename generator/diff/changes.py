"""One reported change of the SDK surface, and the order reports list them in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Change:
    kind: str
    breaking: bool
    where: str
    reason: str
    old: str | None = None
    new: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "breaking": self.breaking,
            "where": self.where,
            "reason": self.reason,
            "old": self.old,
            "new": self.new,
        }


def sort_changes(changes: Iterable[Change]) -> list[Change]:
    """Breaking first, then by place, kind and reason."""
    return sorted(changes, key=lambda c: (not c.breaking, c.where, c.kind, c.reason))
