"""One reported change of the SDK surface, its level, and the order reports list them in."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from generator.frozen import frozen

BREAKING, STRICT, COMPATIBLE, ACCEPTED = "breaking", "strict", "compatible", "accepted"
LEVELS = (BREAKING, STRICT, COMPATIBLE, ACCEPTED)  # in report order


@frozen
class Change:
    kind: str
    breaking: bool
    where: str
    reason: str
    old: str | None = None
    new: str | None = None
    route: str = ""  # "POST /videos/{video_id}/remix": the operation the change is on ("" for a type's change)
    strict: bool = False  # breaks only clients that match every value or validate strictly (a closed enum grew)
    accepted: str = ""  # why the project accepted this known change ([tool.sdkforge.diff] accept)

    @property
    def level(self) -> str:
        if self.accepted:
            return ACCEPTED
        return BREAKING if self.breaking else STRICT if self.strict else COMPATIBLE

    def fails(self, strict: bool = False) -> bool:
        """Whether the change stops ``--fail-on-breaking`` (``strict``: changes for strict clients too)."""
        return self.level == BREAKING or (strict and self.level == STRICT)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "level": self.level,
            "breaking": self.breaking,
            "route": self.route,
            "where": self.where,
            "reason": self.reason,
            "old": self.old,
            "new": self.new,
            "accepted": self.accepted or None,
        }


def sort_changes(changes: Iterable[Change]) -> list[Change]:
    """By level (breaking first), then by place, kind and reason."""
    return sorted(changes, key=lambda c: (LEVELS.index(c.level), c.where, c.kind, c.reason))
