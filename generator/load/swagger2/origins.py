"""Where each part of an upgraded document came from: the 2.0 file, its pointer and line, for every diagnostic."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from generator import pointer as json_pointer
from generator.diagnostics import Diagnostic
from generator.errors import SpecError
from generator.load.document import Document
from generator.load.positions import locate
from generator.load.swagger2.refs import as_written

if TYPE_CHECKING:
    from generator.load.bundle import Bundled

T = TypeVar("T")


class Notes:
    """What an upgrade records while it builds the 3.0 document: origins of new containers and its own findings."""

    def __init__(self) -> None:
        self.origins: dict[int, str] = {}  # id(new container) -> pointer of its source in the 2.0 document
        self.keep: list[Any] = []  # the containers of ``origins``: their ids stay theirs
        self.findings: list[tuple[str, str, str]] = []  # (rule, message, pointer in the 2.0 document)
        self.definitions: frozenset[str] = frozenset()  # the names under /definitions

    def note(self, obj: T, pointer: str) -> T:
        """Remember that the new container ``obj`` stands for the 2.0 object at ``pointer``; ``obj`` itself."""
        if isinstance(obj, (dict, list)) and id(obj) not in self.origins:
            self.origins[id(obj)] = pointer
            self.keep.append(obj)
        return obj

    def warn(self, rule: str, message: str, pointer: str) -> None:
        self.findings.append((rule, message, pointer))


@dataclass
class Upgraded:
    """The upgraded document (``document``: the root's path and text, 3.0 data) and where its parts came from."""

    document: Document
    root: Document  # the 2.0 root file as loaded
    notes: Notes = field(repr=False)
    bundled: Bundled | None = field(default=None, repr=False)  # a 2.0 spec split over files, bundled before

    @property
    def lenient(self) -> list[Any]:
        """The bundle's lenient readings (`$ref`s where OpenAPI allows none, read as meant); none without a bundle."""
        return self.bundled.lenient if self.bundled is not None else []

    @property
    def files(self) -> frozenset[Path]:
        """Resolved paths of every other file read."""
        return self.bundled.files if self.bundled is not None else frozenset()

    def where(self, pointer: str) -> tuple[Document, str]:
        """The 2.0 file and pointer that a pointer in the upgraded document came from."""
        base, rest = json_pointer.nearest_mark(self.document.data, pointer, self.notes.origins)
        return self._written((base or "") + rest)

    def position(self, pointer: str) -> tuple[str, int, int, str]:
        """(file, line, column, 2.0 pointer) of a pointer in the upgraded document."""
        doc, original = self.where(pointer)
        try:
            line, column = locate(doc, original)
        except Exception:  # noqa: BLE001 - a position is a nicety; never hide the real finding behind it
            line = column = 0
        return str(doc.path), line, column, original

    def relocate(self, exc: SpecError) -> None:
        """Point an error about the upgraded document at the 2.0 file, line and pointer it came from."""
        exc.file, exc.line, exc.column, exc.pointer = self.position(exc.pointer)
        exc.message = as_written(exc.message)
        if exc.message.startswith("invalid OpenAPI document"):  # the 3.0 parse refused it: say what 2.0 wants
            for message, pointer in self._structure():
                doc, original = self._written(pointer)
                if (str(doc.path), original) == (exc.file, exc.pointer):
                    exc.rule, exc.message = "SF090", f"SF090 {message}"
                    break

    def _structure(self) -> list[tuple[str, str]]:
        from generator.load.swagger2.structure import problems

        return problems(self.bundled.document.data if self.bundled is not None else self.root.data)

    def _written(self, pointer: str) -> tuple[Document, str]:
        """The file and pointer of a pointer in the 2.0 document as loaded (bundled, when the spec is split)."""
        return self.bundled.where(pointer) if self.bundled is not None else (self.root, pointer)

    def relocate_diagnostic(self, found: Diagnostic) -> Diagnostic:
        if found.file != str(self.root.path):
            return found
        file, line, column, original = self.position(found.pointer)
        return replace(found, file=file, line=line, column=column, pointer=original, message=as_written(found.message))

    def relocate_warning(self, warning: str) -> str:
        """A located warning ``"<root file>:<line>:<column>: message (at <pointer>)"`` about the upgraded document,
        at its 2.0 place; a ``"<pointer>: message"`` warning too."""
        match = re.match(re.escape(str(self.root.path)) + r":\d+:\d+: (.*) \(at (/[^ ]*)\)$", warning, re.DOTALL)
        if match is not None:
            message, pointer = match.group(1), match.group(2)
        else:
            pointer, sep, message = warning.partition(": ")
            if not (sep and pointer.startswith("/") and " " not in pointer):
                return warning
        file, line, column, original = self.position(pointer)
        where = f"{file}:{line}:{column}" if line else file
        return f"{where}: {as_written(message)} (at {original or '/'})"

    def findings(self) -> list[tuple[str, str, Document, str]]:
        """The upgrade's own findings: (rule, message, file, pointer in it)."""
        return [(rule, message, *self._written(pointer)) for rule, message, pointer in self.notes.findings]
