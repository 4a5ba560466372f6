"""A lenient reading's finding (rule, message, place, fix), the places the walk records, and applying the fixes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator import pointer as json_pointer
from generator.frozen import frozen
from generator.load.document import Document

Entry = tuple[Any, ...]  # (parent entry or None, key): a pointer built only when a finding needs it
Source = Callable[[str], tuple[Document, str]]  # a pointer -> the file and pointer its text was written at
Fix = Callable[[Source], None]


@frozen
class Finding:
    rule: str
    message: str
    where: Entry | None  # the place; its JSON pointer is built only for a finding that is shown
    fix: Fix | None = None

    @property
    def pointer(self) -> str:
        return pointer_of(self.where)


def pointer_of(entry: Entry | None) -> str:
    """The JSON pointer of a place the scan recorded."""
    keys: list[Any] = []
    while entry is not None:
        entry, key = entry
        keys.append(key)
    return json_pointer.join(*reversed(keys))


@dataclass
class Scan:
    """What one walk of the document found: the findings, and for the semantic checks that follow every `$ref`
    (value, entry, in a schema?) and every schema with a default, enum, const or discriminator (schema, entry)."""

    findings: list[Finding]
    refs: list[tuple[Any, Entry | None, bool]]
    value_schemas: list[tuple[dict[Any, Any], Entry | None]]


def apply(doc: Document, found: list[Finding], source: Source | None = None) -> None:
    """Apply every finding's fix (after the findings were located: fixes change the data locate walks). ``source``:
    where a pointer's text was written (a bundled document's parts come from other files); default ``doc`` itself."""
    where: Source = source or (lambda pointer: (doc, pointer))
    for finding in sorted(found, key=lambda f: f.rule != "SF063"):  # SF063 reads the source through the data
        if finding.fix is not None:
            finding.fix(where)
