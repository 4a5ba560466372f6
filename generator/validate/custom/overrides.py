"""``overrides``: other severities for some files (globs relative to the ruleset) or some parts of a file
(``file#/json/pointer``), applied to every finding at the end, custom and built-in alike."""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator import pointer
from generator.frozen import frozen
from generator.validate.custom.definitions import severity

if TYPE_CHECKING:
    from generator.validate.custom.definitions import Located


@frozen
class Override:
    places: tuple[tuple[str, str | None], ...]  # (absolute glob, JSON pointer or None)
    levels: dict[str, str]  # rule name, or built-in rule id -> level

    def matches(self, file: str, ptr: str) -> bool:
        path = Path(file).resolve().as_posix()
        for glob, within in self.places:
            if fnmatch.fnmatchcase(path, glob) and (within is None or ptr == within or ptr.startswith(within + "/")):
                return True
        return False


def parse_overrides(where: Located, value: Any, ids: dict[str, str]) -> list[Override]:
    if value is None:
        return []
    if not isinstance(value, list):
        where.fail("/overrides", "overrides must be a list of {files, rules}")
    base = where.doc.path.resolve().parent
    result: list[Override] = []
    for i, item in enumerate(value):
        ptr = f"/overrides/{i}"
        if not isinstance(item, dict) or not isinstance(item.get("files"), list) or not isinstance(item.get("rules"),
                                                                                                     dict):
            where.fail(ptr, "an override needs `files` (a list) and `rules` (name -> severity)")
        if set(item) - {"files", "rules"}:
            extra = sorted(set(item) - {"files", "rules"})
            where.fail(ptr, f"override keys other than files and rules are not supported: {extra}")
        places = tuple(_place(base, str(entry)) for entry in item["files"])
        levels: dict[str, str] = {}
        for name, raw in item["rules"].items():
            if isinstance(raw, dict):
                where.fail(f"{ptr}/rules/{pointer.escape(name)}", "an override can re-level a rule, not define one")
            level = severity(where, f"{ptr}/rules/{pointer.escape(name)}", raw, "warning")
            levels[ids.get(str(name), str(name))] = level
        result.append(Override(places, levels))
    return result


def _place(base: Path, entry: str) -> tuple[str, str | None]:
    glob, hash_, fragment = entry.partition("#")
    return Path(os.path.normpath(base / glob)).as_posix(), (fragment if hash_ else None)


def level_at(overrides: list[Override], rule: str, file: str, ptr: str, base: str) -> str:
    """The level of a finding of ``rule`` at ``file`` / ``ptr``: the last matching override's, else ``base``."""
    level = base
    for override in overrides:
        if rule in override.levels and override.matches(file, ptr):
            level = override.levels[rule]
    return level
