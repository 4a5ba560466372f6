"""`$ref`s (SF002-SF004): resolving them across files, unresolved targets and pure-alias cycles."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from generator import pointer
from generator.errors import SpecError
from generator.load.document import Document, load_spec
from generator.load.external_refs import DOCUMENT_SUFFIXES
from generator.load.sources import TextFile

Report = Callable[[str, str, Document, str], None]  # rule, message, document, pointer


class Unresolved(Exception):
    def __init__(self, message: str, rule: str = "SF002") -> None:
        super().__init__(message)
        self.message = message
        self.rule = rule


class Workspace:
    """Documents (and text files, for a `$ref` where a string belongs) by resolved path, each loaded once."""

    def __init__(self) -> None:
        self.docs: dict[Path, Document | TextFile | SpecError] = {}
        self.root: Document | None = None  # the document checked as a whole; others only where `$ref`s reach
        self._keys: dict[Path, Path] = {}
        self._named: dict[tuple[Path, str], Document | TextFile | SpecError] = {}

    def key(self, path: Path) -> Path:
        """``path`` resolved (symlinks followed), once per path in a run: a spec split over files resolves thousands
        of `$ref`s, and each resolve asks the file system about every folder of the path."""
        found = self._keys.get(path)
        if found is None:
            found = self._keys[path] = path.resolve()
        return found

    def add(self, doc: Document) -> None:
        """The root document."""
        self.docs[self.key(doc.path)] = doc
        self.root = doc

    def get(self, path: Path) -> Document | TextFile | SpecError:
        key = self.key(path)
        if key not in self.docs:
            self.docs[key] = _read(path)
        return self.docs[key]

    def named(self, base: Document, file_part: str) -> Document | TextFile | SpecError:
        """The file a `$ref`'s file part names from ``base`` (percent-encoded, relative to its folder); each pair is
        made a path once in a run: a split spec names the same few files from each of its files hundreds of times."""
        pair = (base.path, file_part)
        found = self._named.get(pair)
        if found is None:
            found = self._named[pair] = self.get(Path(os.path.normpath(base.path.parent / unquote(file_part))))
        return found


def _read(path: Path) -> Document | TextFile | SpecError:
    if path.suffix.lower() not in DOCUMENT_SUFFIXES:
        try:
            return TextFile(path, path.read_bytes().decode("utf-8").removeprefix("\ufeff"))
        except (OSError, UnicodeDecodeError) as exc:
            return SpecError("not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else "no such file",
                             file=str(path))
    try:
        return load_spec(path)
    except SpecError as exc:
        return exc


class Refs:
    """Resolves and checks `$ref`s; the objects they reach in other files wait in ``pending`` to be walked."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.workspace = Workspace()
        self.walked: set[tuple[Path, str]] = set()
        self.pending: deque[tuple[Document, str, Any, int]] = deque()  # document, pointer, value, walk kind
        self._cycles_reported: set[frozenset[tuple[Path, str]]] = set()

    def resolve(self, doc: Document, ref: Any) -> tuple[Document, str, Any]:
        """(document, pointer, value) a `$ref` in ``doc`` points at; raises Unresolved. A text file's value is its
        text (the document is then ``doc``, where the `$ref` is)."""
        if not isinstance(ref, str):
            raise Unresolved(f"$ref must be a string, not {type(ref).__name__}")
        if "://" in ref or ref.startswith("//"):
            raise Unresolved(f"remote $ref {ref!r} is not fetched (offline)", rule="SF004")
        file_part, _, fragment = ref.partition("#")
        target_doc: Document = doc
        fragment = unquote(fragment)
        if file_part:
            loaded = self.workspace.named(doc, file_part)
            if isinstance(loaded, SpecError):
                raise Unresolved(f"$ref {ref!r}: cannot load {file_part}: {loaded.message}")
            if isinstance(loaded, TextFile):  # its text (read as a string where one belongs; an error elsewhere)
                if fragment:
                    raise Unresolved(f"$ref {ref!r}: a text file has no JSON pointer")
                return doc, "", loaded.text
            target_doc = loaded
        fragment = pointer.from_fragment(fragment)
        if fragment and not fragment.startswith("/"):
            raise Unresolved(f"$ref {ref!r}: only JSON-pointer fragments (#/...) are supported")
        value = pointer.walk(target_doc.data, fragment)
        if value is pointer.MISSING:
            where = f" in {file_part}" if file_part else ""
            raise Unresolved(f"$ref {ref!r} points at nothing{where}")
        return target_doc, fragment, value

    def check(self, doc: Document, ptr: str, ref: Any, kind: int) -> None:
        """The `$ref` at ``ptr``; an object outside the root document (another file, or a part of that file its own
        local `$ref` reaches) is queued once, to be walked as ``kind``."""
        rptr = ptr + "/$ref"
        try:
            target_doc, target_ptr, value = self.resolve(doc, ref)
        except Unresolved as exc:
            self.report(exc.rule, exc.message, doc, rptr)
            return
        if not isinstance(value, dict):
            self.report("SF002", f"$ref {ref!r} points at a {type(value).__name__}, not an object", doc, rptr)
            return
        if "$ref" in value:
            self._check_chain(doc, ref)
        if target_doc is not self.workspace.root:
            key = (self.workspace.key(target_doc.path), target_ptr)
            if key not in self.walked:
                self.walked.add(key)
                self.pending.append((target_doc, target_ptr, value, kind))

    def _check_chain(self, doc: Document, ref: str) -> None:
        """Follow a chain of objects that are only `$ref`s; report a cycle once (SF003)."""
        seen: list[tuple[Path, str]] = []
        members: list[tuple[Document, str]] = []
        cur_doc, cur_ref = doc, ref
        for _ in range(1000):
            try:
                cur_doc, tptr, value = self.resolve(cur_doc, cur_ref)
            except Unresolved:
                return
            key = (self.workspace.key(cur_doc.path), tptr)
            if key in seen:
                self._report_cycle(seen[seen.index(key):], members[seen.index(key):], tptr)
                return
            seen.append(key)
            members.append((cur_doc, tptr))
            if not isinstance(value, dict) or "$ref" not in value:
                return
            cur_ref = value["$ref"]

    def _report_cycle(self, keys: list[tuple[Path, str]], members: list[tuple[Document, str]], last: str) -> None:
        cycle = frozenset(keys)
        if cycle in self._cycles_reported:
            return
        self._cycles_reported.add(cycle)
        first_doc, first_ptr = min(members, key=lambda m: (str(m[0].path), m[1]))  # the first in document order
        names = " -> ".join(p or "#" for _d, p in members)
        self.report("SF003", f"$ref cycle with no object in between: {names} -> {last}", first_doc, first_ptr + "/$ref")
