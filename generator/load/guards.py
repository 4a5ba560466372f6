"""Limits on how far a document may expand: YAML alias bombs, recursive aliases, external `$ref` fan-out."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.errors import SpecError

#: Upper bound on the number of values a document may expand to once its YAML aliases (or external `$ref`s) are
#: followed.
MAX_EXPANDED_NODES = 2_000_000

# An anchor (``&name``) where a node may start. Aliases need an anchor, so a document without a match has no aliases
# and skips the expansion check. False positives (``&`` in prose) only cost that check.
_ANCHOR_RE = re.compile(r"(?:^|[\s\[{,])&[^\s\[\]{},]")


def may_alias(text: str) -> bool:
    """Whether YAML ``text`` may use aliases (for a reader that does not say whether it met one)."""
    return _ANCHOR_RE.search(text) is not None


def check_aliases(data: Any, path: Path) -> None:
    """Reject documents whose aliases expand past MAX_EXPANDED_NODES values, or that contain themselves (only data
    read from YAML that used aliases can)."""
    sizes: dict[int, int] = {}  # id(container) -> values it expands to
    on_stack: set[int] = set()
    stack: list[tuple[Any, bool]] = [(data, False)]
    while stack:
        obj, done = stack.pop()
        key = id(obj)
        if done:
            on_stack.discard(key)
            sizes[key] = _expanded_size(obj, sizes, path)
            continue
        if key in sizes:
            continue
        if key in on_stack:
            raise _recursive(path)
        on_stack.add(key)
        stack.append((obj, True))
        for child in obj.values() if isinstance(obj, dict) else obj:
            if isinstance(child, (dict, list)):
                if id(child) in on_stack:
                    raise _recursive(path)
                if id(child) not in sizes:
                    stack.append((child, False))


def _expanded_size(obj: Any, sizes: dict[int, int], path: Path) -> int:
    total = 1
    for child in obj.values() if isinstance(obj, dict) else obj:
        total += sizes[id(child)] if isinstance(child, (dict, list)) else 1
    if total > MAX_EXPANDED_NODES:
        raise SpecError(
            f"YAML aliases expand to more than {MAX_EXPANDED_NODES:,} values (an alias bomb?)",
            file=str(path),
            hint="replace the anchors/aliases with `$ref`s",
        )
    return total


def _recursive(path: Path) -> SpecError:
    return SpecError(
        "a YAML alias refers to a node that contains it (a recursive structure)",
        file=str(path),
        hint="replace the recursive anchor/alias with a `$ref`",
    )


class ExpansionBudget:
    """Counts the values bundling copies out of other files; past MAX_EXPANDED_NODES the bundle is refused."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.spent = 0

    def spend(self, count: int) -> None:
        self.spent += count
        if self.spent > MAX_EXPANDED_NODES:
            raise SpecError(
                f"external $refs expand to more than {MAX_EXPANDED_NODES:,} values",
                file=str(self.root),
                hint="the referenced files refer to each other too many times over",
            )


def container_count(obj: Any) -> int:
    """Containers in ``obj``, each counted once (what copying it again spends)."""
    count = 0
    stack = [obj]
    seen: set[int] = set()
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        count += 1
        children = item.values() if isinstance(item, dict) else item
        stack.extend(c for c in children if isinstance(c, (dict, list)))
    return count
