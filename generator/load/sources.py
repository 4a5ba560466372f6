"""The files a bundle reads (documents and text files, each once) and what a ``$ref`` written in one points at."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from generator import pointer as json_pointer
from generator.errors import SpecError
from generator.load.document import Document, load_spec
from generator.load.external_refs import DOCUMENT_SUFFIXES
from generator.load.positions import locate


class TextFile:
    """A file read as text (a `$ref` to it stands for the string: a Markdown description, an ``x-`` extension)."""

    __slots__ = ("path", "text")

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text


def ref_error(message: str, doc: Document, pointer: str, hint: str = "") -> SpecError:
    """A problem with the `$ref` at ``pointer`` in ``doc``, located there."""
    try:
        line, column = locate(doc, pointer)
    except Exception:  # noqa: BLE001 - a position is a nicety
        line = column = 0
    return SpecError(message, file=str(doc.path), pointer=pointer, line=line, column=column, hint=hint)


class Sources:
    """Every file read for one bundle, by resolved path; a file that failed to load keeps its error."""

    def __init__(self, root: Document) -> None:
        self.root = root
        self.root_key = root.path.resolve()
        self.resolved: dict[Path, Path] = {root.path: self.root_key}
        self.docs: dict[Path, Document | TextFile | SpecError] = {self.root_key: root}

    def others(self) -> frozenset[Path]:
        """Resolved paths of every file read besides the root."""
        return frozenset(key for key in self.docs if key != self.root_key)

    def key(self, path: Path) -> Path:
        """The file's resolved path (symlinks followed): one Document per file, however it is reached."""
        key = self.resolved.get(path)
        if key is None:
            key = self.resolved[path] = path.resolve()
        return key

    def target(self, ref: str, doc: Document, rptr: str) -> tuple[Document | TextFile, str, Any]:
        """The file, pointer and value a `$ref` written in ``doc`` (at ``rptr``) points at."""
        if "://" in ref or ref.startswith("//"):
            raise ref_error(f"remote $ref {ref!r} is not fetched (offline)", doc, rptr,
                            hint="download the file and refer to it by a relative path")
        file_part, _, fragment = ref.partition("#")
        fragment = json_pointer.from_fragment(fragment)
        if fragment and not fragment.startswith("/"):
            raise ref_error(f"$ref {ref!r}: only JSON-pointer fragments (#/...) are supported", doc, rptr)
        target: Document | TextFile = doc
        if file_part:
            path = Path(os.path.normpath(doc.path.parent / unquote(file_part)))
            target = self.root if self.key(path) == self.root_key else self._load(path, ref, doc, rptr)
        if isinstance(target, TextFile):
            if fragment:
                raise ref_error(f"$ref {ref!r}: a text file has no JSON pointer", doc, rptr)
            return target, "", target.text
        value = json_pointer.walk(target.data, fragment)
        if value is json_pointer.MISSING:
            where = f" in {target.path}" if file_part else ""
            raise ref_error(f"$ref {ref!r} points at nothing{where}", doc, rptr, hint="check the path and the pointer")
        return target, fragment, value

    def _load(self, path: Path, ref: str, doc: Document, rptr: str) -> Document | TextFile:
        key = self.key(path)
        if key not in self.docs:
            self.docs[key] = _read(path)
        loaded = self.docs[key]
        if isinstance(loaded, SpecError):
            if loaded.line and loaded.file == str(path) and (loaded.line, loaded.column) != (1, 1):
                # a problem inside the referenced file (invalid YAML, ...): its own position is the useful one; a
                # file that is no document at all (1:1, "not a mapping") is the $ref's mistake, reported there
                where = f"{doc.path}:{locate(doc, rptr)[0]}"
                raise SpecError(loaded.message, file=loaded.file, pointer=loaded.pointer, line=loaded.line,
                                column=loaded.column, hint=f"the file is referenced by the $ref at {where} ({rptr})")
            raise ref_error(f"$ref {ref!r}: cannot load {path}: {loaded.message}", doc, rptr,
                            hint="the path is relative to the file that holds the $ref")
        return loaded


def _read(path: Path) -> Document | TextFile | SpecError:
    """A document (YAML/JSON) or, for any other suffix, the file's text; the error if it cannot be read."""
    if path.suffix.lower() in DOCUMENT_SUFFIXES:
        try:
            return load_spec(path, track=False)
        except SpecError as exc:
            return exc
    try:
        return TextFile(path, path.read_bytes().decode("utf-8").removeprefix("\ufeff"))
    except (OSError, UnicodeDecodeError) as exc:
        reason = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else (
            "no such file" if isinstance(exc, FileNotFoundError) else f"cannot read: {exc.strerror or exc}")
        return SpecError(reason, file=str(path))
