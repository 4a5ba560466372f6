"""Known changes a project accepts (``[tool.sdkforge.diff] accept``): matched by kind, place and route, then marked."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from fnmatch import fnmatchcase
from typing import Protocol

from generator.diff.changes import Change, sort_changes


class Acceptance(Protocol):
    """One entry of the accept list: ``kind`` and ``where`` (``*`` globs allowed), ``route`` optional, ``why``."""

    kind: str
    where: str
    route: str
    why: str


def matches(entry: Acceptance, change: Change) -> bool:
    return (
        fnmatchcase(change.kind, entry.kind)
        and fnmatchcase(change.where, entry.where)
        and (not entry.route or fnmatchcase(change.route, entry.route))
    )


def accept(changes: Iterable[Change], entries: Sequence[Acceptance]) -> tuple[list[Change], list[Acceptance]]:
    """The changes with accepted ones marked (they no longer fail ``--fail-on-breaking``), and the entries that
    matched nothing (stale: the change they accepted is gone or spelled otherwise)."""
    used: set[int] = set()
    result = []
    for change in changes:
        hit = next((i for i, entry in enumerate(entries) if matches(entry, change)), None)
        if hit is not None:
            used.add(hit)
            change = replace(change, accepted=entries[hit].why)
        result.append(change)
    return sort_changes(result), [entry for i, entry in enumerate(entries) if i not in used]
