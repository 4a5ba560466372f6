"""External ``$ref`` bundling: a spec split over several files becomes ONE document, which remembers its sources.

``sdkforge generate`` works on a single document (openapi-pydantic and the model builder follow local ``#/...``
references only), so a root document whose ``$ref``s reach into other files is bundled first (``rewrite``):

- a ``$ref`` in a schema position becomes a component schema, ``#/components/schemas/<name>`` (``components``); the
  referenced schema is copied there with its own references rewritten in turn, so schemas in different files that
  refer to each other (cycles included) keep working. A root component that is only an external ``$ref``
  (``Pet: {$ref: pet.yaml}``) takes the referenced schema itself, under its own name;
- any other object by external ``$ref`` (path items, parameters, responses, request bodies, headers, examples,
  security schemes, ...) is inlined where it is referenced, its own references rewritten relative to its file;
- an operation that is a ``$ref`` (OpenAPI allows none there) is inlined too, and a ``$ref`` where a string belongs
  (a ``description``) becomes the string it points at, each with a lenient warning (``lenient``, SF071/SF072);
- a ``$ref`` to a file that is not YAML or JSON (``.md``, ``.txt``, ...) becomes that file's text, a string (for a
  ``description`` or an ``x-`` extension such as ``x-topics``) (``sources``);
- a ``$ref`` inside an external file that is local to it (``#/components/schemas/X``, ``#/definitions/Y``, any pointer)
  resolves into that file, never into the root document; a ``$ref`` that leads back into the root document becomes a
  local reference again.

Every container copied from another file is remembered with the (file, pointer) it came from, so an error or a warning
about a pointer in the bundled document names the original file, line and pointer (``Bundled.relocate``). Problems
with a reference itself (no such file, a pointer that points at nothing, a remote URL, a loop of references, a text
file where a schema belongs) are one ``SpecError`` located at that ``$ref``. Files are only read, never written.

Specs without external references pay one regex search over their text (``external_refs.has_external_refs``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import pointer as json_pointer
from generator.diagnostics import Diagnostic
from generator.errors import SpecError
from generator.load.document import Document
from generator.load.positions import locate
from generator.load.rewrite import Rewriter


@dataclass
class Bundled:
    """The bundled document, and where its parts came from."""

    document: Document  # path and text of the root; data is the bundled document (``dump`` for its text)
    root: Document
    files: frozenset[Path]  # resolved paths of every other file read
    origins: dict[int, tuple[Document, str]] = field(repr=False)  # id(container) -> (file, pointer in it)
    keep: list[Any] = field(default_factory=list, repr=False)  # the containers of ``origins``: their ids stay theirs
    lenient: list[Diagnostic] = field(default_factory=list)  # `$ref`s where OpenAPI allows none, read as meant

    def where(self, pointer: str) -> tuple[Document, str]:
        """The file and pointer that a pointer in the bundled document came from."""
        origin, rest = json_pointer.nearest_mark(self.document.data, pointer, self.origins)
        doc, base = origin if origin is not None else (self.root, "")
        return doc, base + rest

    def relocate(self, exc: SpecError) -> None:
        """Point an error about the bundled document at the file, line and pointer it came from."""
        doc, pointer = self.where(exc.pointer)
        if doc is not self.root:
            if not exc.hint:
                exc.hint = f"reached through {exc.pointer or '#'} in {self.root.path}"
            exc.file, exc.pointer = str(doc.path), pointer
            exc.line = exc.column = 0
        if not exc.line:
            try:
                position = locate(doc, pointer)
            except Exception:  # noqa: BLE001 - a position is a nicety; never hide the real error behind it
                position = (0, 0)
            exc.line, exc.column = position

    def relocate_warning(self, warning: str) -> str:
        """A warning about a part from another file names that file, line and pointer. Two forms are read:
        ``"<pointer>: message"`` and ``"<root file>:<line>:<column>: message (at <pointer>)"``."""
        match = self._located_re().match(warning)
        if match is not None:
            message, pointer = match.group(1), match.group(2)
        else:
            pointer, sep, message = warning.partition(": ")
            if not (sep and pointer.startswith("/") and " " not in pointer):
                return warning
        doc, original = self.where(pointer)
        if doc is self.root:
            return warning
        try:
            line, column = locate(doc, original)
        except Exception:  # noqa: BLE001
            line = column = 0
        where = f"{doc.path}:{line}:{column}" if line else str(doc.path)
        return f"{where}: {message} (at {original})"

    def _located_re(self) -> re.Pattern[str]:
        return re.compile(re.escape(str(self.root.path)) + r":\d+:\d+: (.*) \(at (/[^ ]*)\)$", re.DOTALL)


def bundle(root: Document) -> Bundled | None:
    """Bundle the external references of ``root`` into one document; None when it has none."""
    rewriter = Rewriter(root)
    try:
        data = rewriter.run()
    except RecursionError:
        raise SpecError("the document and the files it references are nested too deeply", file=str(root.path)) from None
    if data is root.data:
        return None
    # the root's text: positions in the bundled document (locate) are the root's for the root's own parts;
    # `where` / `relocate` find the other files' parts
    document = Document(path=root.path, text=root.text, data=data)
    return Bundled(document=document, root=root, files=rewriter.sources.others(), origins=rewriter.origins,
                   keep=rewriter.keep, lenient=rewriter.lenient)


def dump(data: dict[str, Any]) -> str:
    """The bundled document as text (JSON is YAML): the copy the generated tests serve with Prism."""
    try:
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    except (TypeError, ValueError):  # e.g. a !!binary value
        import yaml

        return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
