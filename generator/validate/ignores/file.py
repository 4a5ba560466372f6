"""The ignore file (``.sdkforge-ignore.yaml``): the findings a spec had when a team adopted ``sdkforge validate``.

Shape: spec file (relative to the ignore file's folder) -> rule (id or name) -> JSON pointers::

    api/openapi.yaml:
      SF011:
        - /paths/~1pets~1{id}/get
      no-success-response:
        - /paths/~1health/get/responses

``--generate-ignore-file`` writes every current finding (rule ids; existing entries are replaced, so fixed findings
drop out). Reading it suppresses exactly those findings; any other finding, a new one at the same place included,
is still reported. Entries that match nothing any more are counted as stale (the problem was fixed): they never
fail a run, and regenerating the file drops them.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import yaml

from generator.diagnostics import Diagnostic
from generator.errors import UsageError
from generator.frozen import frozen
from generator.validate.ignores import Filtered, ignorable, rule_keys

DEFAULT_NAME = ".sdkforge-ignore.yaml"
_HEADER = ("# sdkforge validate: findings accepted as they are (written by --generate-ignore-file).\n"
           "# spec file (relative to this file) -> rule id or name -> JSON pointers. Remove an entry to see it again.\n")

Entry = tuple[str, str, str]  # file key, rule as written, pointer


@frozen
class IgnoreFile:
    path: Path
    entries: frozenset[Entry]

    def key(self, file: str) -> str:
        """A spec file as this ignore file names it."""
        return _key(file, self.path.parent)

    def apply(self, diagnostics: Sequence[Diagnostic]) -> Filtered:
        kept: list[Diagnostic] = []
        used: set[Entry] = set()
        for d in diagnostics:
            file = self.key(d.file)
            hits = [(file, rule, d.pointer) for rule in rule_keys(d.rule) if (file, rule, d.pointer) in self.entries]
            if hits and ignorable(d):
                used.update(hits)
            else:
                kept.append(d)
        return Filtered(kept, len(diagnostics) - len(kept), len(self.entries - used))


def locate_ignore_file(explicit: str | None) -> Path | None:
    """``--ignore-file PATH`` (it must exist), else ``./.sdkforge-ignore.yaml`` when present, else None."""
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise UsageError(f"ignore file {explicit} not found (write one with --generate-ignore-file)")
        return path
    default = Path(DEFAULT_NAME)
    return default if default.is_file() else None


def read_ignore_file(path: Path) -> IgnoreFile:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise UsageError(f"cannot read ignore file {path}: {exc}") from None
    if not isinstance(raw, dict):
        raise UsageError(f"ignore file {path}: expected a mapping of spec file -> rule -> JSON pointers")
    entries: set[Entry] = set()
    for file, rules in raw.items():
        if not isinstance(rules, dict):
            raise UsageError(f"ignore file {path}: {file!r} must map rule ids or names to lists of JSON pointers")
        for rule, pointers in rules.items():
            if not isinstance(pointers, list) or not all(isinstance(p, str) for p in pointers):
                raise UsageError(f"ignore file {path}: {file} / {rule} must be a list of JSON pointers (strings)")
            entries.update((_normal(str(file)), str(rule), p) for p in pointers)
    return IgnoreFile(path, frozenset(entries))


def write_ignore_file(path: Path, diagnostics: Sequence[Diagnostic]) -> int:
    """Write every ignorable finding to ``path``; the number of entries written."""
    tree: dict[str, dict[str, list[str]]] = {}
    base = path.parent
    for d in diagnostics:
        if ignorable(d):
            tree.setdefault(_key(d.file, base), {}).setdefault(d.rule, []).append(d.pointer)
    count = 0
    for rules in tree.values():
        for rule, pointers in rules.items():
            rules[rule] = sorted(set(pointers))
            count += len(rules[rule])
    text = _HEADER + (yaml.safe_dump(tree, sort_keys=True, allow_unicode=True, width=1000) if tree else "{}\n")
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write ignore file {path}: {exc.strerror or exc}") from None
    return count


def _key(file: str, base: Path) -> str:
    return _normal(os.path.relpath(os.path.realpath(file), os.path.realpath(base)))


def _normal(file: str) -> str:
    return os.path.normpath(file).replace(os.sep, "/")
