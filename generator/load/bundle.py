"""External ``$ref`` bundling: a spec split over several files becomes ONE document before it is parsed.

``sdkforge generate`` works on a single document (openapi-pydantic and the model builder follow local ``#/...``
references only), so a root document whose ``$ref``s reach into other files is bundled first:

- a ``$ref`` in a schema position becomes a component schema, ``#/components/schemas/<name>``; the name comes from the
  fragment's last meaningful token or the file's stem, made unique deterministically (the same file and pointer always
  get the same name). The referenced schema is copied there with its own references rewritten in turn, so schemas in
  different files that refer to each other (cycles included) keep working. A root component that is only an external
  ``$ref`` (``Pet: {$ref: pet.yaml}``) takes the referenced schema itself, under its own name;
- any other object by external ``$ref`` (path items, parameters, responses, request bodies, headers, examples,
  security schemes, ...) is inlined where it is referenced, its own references rewritten relative to its file;
- a ``$ref`` to a file that is not YAML or JSON (``.md``, ``.txt``, ...) becomes that file's text, a string (for a
  ``description`` or an ``x-`` extension such as ``x-topics``);
- a ``$ref`` inside an external file that is local to it (``#/components/schemas/X``, ``#/definitions/Y``, any pointer)
  resolves into that file, never into the root document; a ``$ref`` that leads back into the root document becomes a
  local reference again.

Every container copied from another file is remembered with the (file, pointer) it came from, so an error or a warning
about a pointer in the bundled document names the original file, line and pointer (``Bundled.relocate``). Problems
with a reference itself (no such file, a pointer that points at nothing, a remote URL, a loop of references, a text
file where a schema belongs) are one ``SpecError`` located at that ``$ref``. Files are only read, never written.

Specs without external references pay one regex search over their text (``has_external_refs``).
"""

from __future__ import annotations

import json
import os
import re
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from generator.errors import SpecError
from generator.load import document as load

# `$ref` followed by a value that does not start with `#` (YAML plain or quoted, JSON); a false positive (a `$ref` in
# an example value) only costs one walk of the document that finds nothing to bundle.
_EXTERNAL_RE = re.compile(r"""\$ref["']?[ \t]*:[ \t\r\n]*(?:["'](?!#)|[^\s"'#])""")
_EXTERNAL_RE_BYTES = re.compile(_EXTERNAL_RE.pattern.encode())
# the file part of a `$ref` value, for the dependency scan of the output cache key
_REF_VALUE_RE = re.compile(
    rb"""\$ref["']?[ \t]*:[ \t\r\n]*(?:"([^"\r\n]*)"|'([^'\r\n]*)'|([^\s"'#,}\]][^\s,}\]]*))"""
)

#: files parsed as YAML/JSON documents; a `$ref` to any other file stands for its text
DOCUMENT_SUFFIXES = frozenset((".yaml", ".yml", ".json", ""))

_SCHEMA_PREFIX = "/components/schemas/"

# walk kinds (as in validate.py): what the container at hand is
_GENERIC, _SCHEMA, _SCHEMAMAP, _SCHEMALIST, _NAMEMAP, _EXAMPLEMAP, _EXAMPLE = range(7)
_MAP_KINDS = (_SCHEMAMAP, _NAMEMAP, _EXAMPLEMAP)

_SCHEMA_CHILD = frozenset(
    ("items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else", "unevaluatedItems",
     "unevaluatedProperties", "additionalItems", "contentSchema")
)
_SCHEMA_MAP = frozenset(("properties", "patternProperties", "$defs", "definitions", "dependentSchemas"))
_SCHEMA_LIST = frozenset(("allOf", "anyOf", "oneOf", "prefixItems"))
_SCHEMA_VALUES = frozenset(("default", "enum", "const", "example", "examples"))
_NAME_MAPS = frozenset(("paths", "responses", "parameters", "requestBodies", "headers", "securitySchemes", "links",
                        "callbacks", "pathItems", "content", "encoding", "webhooks"))
# pointer tokens that say where a schema sits rather than what it is: skipped when naming a component
_STRUCTURAL = frozenset(
    ("components", "schemas", "definitions", "$defs", "properties", "patternProperties", "items", "additionalProperties",
     "allOf", "anyOf", "oneOf", "not", "prefixItems", "schema", "content", "paths", "parameters", "responses",
     "requestBody", "requestBodies", "headers", "get", "put", "post", "delete", "patch", "options", "head", "trace")
)

_MISSING = object()


def has_external_refs(text: str | bytes) -> bool:
    """Whether the text may hold a `$ref` that is not local (``#/...``): the cheap test before any bundling."""
    if isinstance(text, bytes):
        return _EXTERNAL_RE_BYTES.search(text) is not None
    return _EXTERNAL_RE.search(text) is not None


def referenced_files(path: Path, raw: bytes, limit: int = 10_000) -> list[Path]:
    """Every file the spec may reach through external `$ref`s, found by scanning the texts (no parsing), sorted.

    For the output cache key: a change in any of them must change the key. Over-approximates (a `$ref` in an example
    counts too); a missing file is listed as well (its appearing later changes the key).
    """
    found: set[Path] = set()
    queue: deque[tuple[Path, bytes]] = deque([(path, raw)])
    while queue and len(found) < limit:
        current, text = queue.popleft()
        for match in _REF_VALUE_RE.finditer(text):
            value = (match.group(1) or match.group(2) or match.group(3) or b"").decode("utf-8", "replace")
            file_part = value.partition("#")[0]
            if not file_part or "://" in file_part or file_part.startswith("//"):
                continue
            target = Path(os.path.normpath(current.parent / unquote(file_part)))
            if target in found or target == path:
                continue
            found.add(target)
            if target.suffix.lower() in DOCUMENT_SUFFIXES:
                try:
                    queue.append((target, target.read_bytes()))
                except OSError:
                    pass
    return sorted(found)


@dataclass
class Bundled:
    """The bundled document, and where its parts came from."""

    document: load.Document  # path and text of the root; data is the bundled document (``dump`` for its text)
    root: load.Document
    files: frozenset[Path]  # resolved paths of every other file read
    origins: dict[int, tuple[load.Document, str]] = field(repr=False)  # id(container) -> (file, pointer in it)
    keep: list[Any] = field(default_factory=list, repr=False)  # the containers of ``origins``: their ids stay theirs

    def where(self, pointer: str) -> tuple[load.Document, str]:
        """The file and pointer that a pointer in the bundled document came from."""
        tokens = load.split_pointer(pointer)
        origin: tuple[load.Document, str] = (self.root, "")
        start = 0
        obj: Any = self.document.data
        for i in range(len(tokens) + 1):
            found = self.origins.get(id(obj)) if isinstance(obj, (dict, list)) else None
            if found is not None:
                origin, start = found, i
            if i == len(tokens):
                break
            obj = _child(obj, tokens[i])
            if obj is _MISSING:
                break
        doc, base = origin
        return doc, base + "".join("/" + load.escape_token(t) for t in tokens[start:])

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
                position = load.locate(doc, pointer)
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
            line, column = load.locate(doc, original)
        except Exception:  # noqa: BLE001
            line = column = 0
        where = f"{doc.path}:{line}:{column}" if line else str(doc.path)
        return f"{where}: {message} (at {original})"

    def _located_re(self) -> re.Pattern[str]:
        return re.compile(re.escape(str(self.root.path)) + r":\d+:\d+: (.*) \(at (/[^ ]*)\)$", re.DOTALL)


def bundle(root: load.Document) -> Bundled | None:
    """Bundle the external references of ``root`` into one document; None when it has none."""
    bundler = _Bundler(root)
    try:
        data = bundler.run()
    except RecursionError:
        raise SpecError("the document and the files it references are nested too deeply", file=str(root.path)) from None
    if data is root.data:
        return None
    # the root's text: positions in the bundled document (load.locate) are the root's for the root's own parts;
    # `where` / `relocate` find the other files' parts
    document = load.Document(path=root.path, text=root.text, data=data)
    files = frozenset(key for key in bundler.docs if key != bundler.root_key)
    return Bundled(document=document, root=root, files=files, origins=bundler.origins, keep=bundler.keep)


def dump(data: dict[str, Any]) -> str:
    """The bundled document as text (JSON is YAML): the copy the generated tests serve with Prism."""
    import datetime as _dt

    def default(value: object) -> object:
        if isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
            return value.isoformat()
        raise TypeError(type(value).__name__)

    try:
        return json.dumps(data, ensure_ascii=False, indent=1, default=default) + "\n"
    except (TypeError, ValueError):  # e.g. a date as a mapping key
        import yaml

        return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def _child(obj: Any, token: str) -> Any:
    if isinstance(obj, dict):
        if token in obj:
            return obj[token]
        for key in obj:
            if not isinstance(key, str) and str(key) == token:
                return obj[key]
        return _MISSING
    if isinstance(obj, list):
        try:
            return obj[int(token)]
        except (ValueError, IndexError):
            return _MISSING
    return _MISSING


def _plain_copy(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: _plain_copy(v) if isinstance(v, (dict, list)) else v for k, v in obj.items()}
    if isinstance(obj, list):
        return [_plain_copy(v) if isinstance(v, (dict, list)) else v for v in obj]
    return obj


def _get_pointer(data: Any, pointer: str) -> Any:
    obj = data
    for token in load.split_pointer(pointer):
        obj = _child(obj, token)
        if obj is _MISSING:
            break
    return obj


def _ptr(base: str, key: Any) -> str:
    return base + "/" + load.escape_token(key)


def _size(obj: Any) -> int:
    """Containers in ``obj`` (for the expansion guard)."""
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


class _Text:
    """A file read as text (a `$ref` to it stands for the string)."""

    __slots__ = ("path", "text")

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text


class _Bundler:
    def __init__(self, root: load.Document) -> None:
        self.root = root
        self.root_key = root.path.resolve()
        self.resolved: dict[Path, Path] = {root.path: self.root_key}
        self.docs: dict[Path, load.Document | _Text | SpecError] = {self.root_key: root}
        self.origins: dict[int, tuple[load.Document, str]] = {}
        self.keep: list[Any] = []
        root_schemas = _get_pointer(root.data, "/components/schemas")
        self.root_schemas: dict[Any, Any] = root_schemas if isinstance(root_schemas, dict) else {}
        self.names: dict[tuple[Path, str], str] = {}  # (file, pointer) -> component schema name
        self.taken: set[str] = {str(name).casefold() for name in self.root_schemas}
        self.schemas: dict[str, Any] = {}  # component schemas added or replaced, by name, in order
        self.pending: deque[tuple[str, load.Document, str, Any]] = deque()
        self.memo: dict[tuple[Path, str, int], Any] = {}  # inlined objects, rewritten once
        self.sizes: dict[int, int] = {}
        self.inlining: list[tuple[Path, str]] = []
        self.expanded = 0
        self.changed = False

    # --- driving ---------------------------------------------------------------------------------------------

    def run(self) -> dict[str, Any]:
        self._seed_root_components()
        data: dict[str, Any] = self._rewrite(self.root.data, self.root, "", _GENERIC)
        while self.pending:
            name, doc, pointer, value = self.pending.popleft()
            out = self._rewrite(value, doc, pointer, _SCHEMA)
            if isinstance(out, (dict, list)):
                self._origin(out, doc, pointer)
            self.schemas[name] = out
        if not self.changed:
            return self.root.data
        if self.schemas:
            data = dict(data)
            components = data.get("components")
            components = dict(components) if isinstance(components, dict) else {}
            schemas = components.get("schemas")
            schemas = dict(schemas) if isinstance(schemas, dict) else {}
            schemas.update(self.schemas)
            components["schemas"] = schemas
            data["components"] = components
        return data

    def _seed_root_components(self) -> None:
        """``components: schemas: Pet: {$ref: pet.yaml}``: the referenced schema becomes ``Pet`` itself."""
        for name, value in self.root_schemas.items():
            if not (isinstance(value, dict) and len(value) == 1 and isinstance(value.get("$ref"), str)):
                continue
            ref = value["$ref"]
            if ref.startswith("#"):
                continue
            try:
                target, pointer, found = self._target(ref, self.root, _ptr("/components/schemas", name) + "/$ref")
            except SpecError:
                continue  # reported where the walk meets the reference
            if isinstance(target, load.Document) and target is not self.root and (self._key(target.path), pointer) not in self.names:
                self.names[(self._key(target.path), pointer)] = str(name)
                self.pending.append((str(name), target, pointer, found))

    def _origin(self, obj: Any, doc: load.Document, pointer: str) -> None:
        if id(obj) not in self.origins:
            self.origins[id(obj)] = (doc, pointer)
            self.keep.append(obj)

    # --- errors ----------------------------------------------------------------------------------------------

    def _error(self, message: str, doc: load.Document, pointer: str, hint: str = "") -> SpecError:
        try:
            line, column = load.locate(doc, pointer)
        except Exception:  # noqa: BLE001 - a position is a nicety
            line = column = 0
        return SpecError(message, file=str(doc.path), pointer=pointer, line=line, column=column, hint=hint)

    def _key(self, path: Path) -> Path:
        """The file's resolved path (symlinks followed): one Document per file, however it is reached."""
        key = self.resolved.get(path)
        if key is None:
            key = self.resolved[path] = path.resolve()
        return key

    # --- files and targets -----------------------------------------------------------------------------------

    def _load(self, path: Path, ref: str, doc: load.Document, rptr: str) -> load.Document | _Text:
        key = self._key(path)
        if key not in self.docs:
            if path.suffix.lower() not in DOCUMENT_SUFFIXES:
                try:
                    text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
                    self.docs[key] = _Text(path, text)
                except (OSError, UnicodeDecodeError) as exc:
                    reason = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else (
                        "no such file" if isinstance(exc, FileNotFoundError) else f"cannot read: {exc.strerror or exc}")
                    self.docs[key] = SpecError(reason, file=str(path))
            else:
                try:
                    self.docs[key] = load.load_spec(path, track=False)
                except SpecError as exc:
                    self.docs[key] = exc
        loaded = self.docs[key]
        if isinstance(loaded, SpecError):
            if loaded.line and loaded.file == str(path) and (loaded.line, loaded.column) != (1, 1):
                # a problem inside the referenced file (invalid YAML, ...): its own position is the useful one; a
                # file that is no document at all (1:1, "not a mapping") is the $ref's mistake, reported there
                where = f"{doc.path}:{load.locate(doc, rptr)[0]}"
                raise SpecError(loaded.message, file=loaded.file, pointer=loaded.pointer, line=loaded.line,
                                column=loaded.column, hint=f"the file is referenced by the $ref at {where} ({rptr})")
            raise self._error(f"$ref {ref!r}: cannot load {path}: {loaded.message}", doc, rptr,
                              hint="the path is relative to the file that holds the $ref")
        return loaded

    def _target(self, ref: str, doc: load.Document, rptr: str) -> tuple[load.Document | _Text, str, Any]:
        """The file, pointer and value a `$ref` written in ``doc`` (at ``rptr``) points at."""
        if "://" in ref or ref.startswith("//"):
            raise self._error(f"remote $ref {ref!r} is not fetched (offline)", doc, rptr,
                              hint="download the file and refer to it by a relative path")
        file_part, _, fragment = ref.partition("#")
        fragment = unquote(fragment)
        if fragment and not fragment.startswith("/"):
            raise self._error(f"$ref {ref!r}: only JSON-pointer fragments (#/...) are supported", doc, rptr)
        target: load.Document | _Text = doc
        if file_part:
            path = Path(os.path.normpath(doc.path.parent / unquote(file_part)))
            target = self.root if self._key(path) == self.root_key else self._load(path, ref, doc, rptr)
        if isinstance(target, _Text):
            if fragment:
                raise self._error(f"$ref {ref!r}: a text file has no JSON pointer", doc, rptr)
            return target, "", target.text
        value = _get_pointer(target.data, fragment)
        if value is _MISSING:
            where = f" in {target.path}" if file_part else ""
            raise self._error(f"$ref {ref!r} points at nothing{where}", doc, rptr, hint="check the path and the pointer")
        return target, fragment, value

    # --- the walk --------------------------------------------------------------------------------------------

    def _rewrite(self, obj: Any, doc: load.Document, ptr: str, kind: int) -> Any:
        """``obj`` (at ``ptr`` in ``doc``) with its references bundled.

        A part of the root document comes back as the same object when nothing in it changed; a part of another file
        is always a new copy, so nothing done to the bundled document (leniency fixes it in place) reaches the loaded
        files or a second place that refers to the same part.
        """
        copy = doc is not self.root
        if copy:
            self.expanded += 1
            if self.expanded > load.MAX_EXPANDED_NODES:
                raise SpecError(
                    f"external $refs expand to more than {load.MAX_EXPANDED_NODES:,} values",
                    file=str(self.root.path),
                    hint="the referenced files refer to each other too many times over",
                )
        if isinstance(obj, list):
            child_kind = _SCHEMA if kind == _SCHEMALIST else _GENERIC
            out_list: list[Any] | None = list(obj) if copy else None
            for i, value in enumerate(obj):
                if isinstance(value, (dict, list)):
                    new = self._rewrite(value, doc, f"{ptr}/{i}", child_kind)
                    if new is not value:
                        if out_list is None:
                            out_list = list(obj)
                        out_list[i] = new
            return obj if out_list is None else out_list
        if not isinstance(obj, dict):
            return obj
        ref = obj.get("$ref")
        if isinstance(ref, str) and not (doc is self.root and ref.startswith("#")):
            return self._ref(obj, ref, doc, ptr, kind)
        out: dict[Any, Any] | None = dict(obj) if copy else None
        for key, value in obj.items():
            if not isinstance(value, (dict, list)):
                continue
            if kind == _SCHEMA and key == "discriminator" and isinstance(value, dict):
                new = self._discriminator(value, doc, _ptr(ptr, key))
                if copy and new is value:
                    new = _plain_copy(value)
            else:
                child = _child_kind(kind, key, value)
                if child is None:
                    new = _plain_copy(value) if copy else value  # a literal value (example, default, ...)
                else:
                    new = self._rewrite(value, doc, _ptr(ptr, key), child)
            if new is not value:
                if out is None:
                    out = dict(obj)
                out[key] = new
        return obj if out is None else out

    def _copy(self, obj: Any) -> Any:
        """A copy of a bundled part (used a second time), with the origins of the parts inlined into it."""
        if isinstance(obj, dict):
            new: Any = {k: self._copy(v) if isinstance(v, (dict, list)) else v for k, v in obj.items()}
        elif isinstance(obj, list):
            new = [self._copy(v) if isinstance(v, (dict, list)) else v for v in obj]
        else:
            return obj
        origin = self.origins.get(id(obj))
        if origin is not None:
            self._origin(new, *origin)
        return new

    def _siblings(self, obj: dict[Any, Any], doc: load.Document, ptr: str, kind: int) -> dict[Any, Any]:
        rest = {k: v for k, v in obj.items() if k != "$ref"}
        if not rest:
            return rest
        walked = self._rewrite(rest, doc, ptr, kind if kind not in _MAP_KINDS else _GENERIC)
        return dict(walked)

    def _ref(self, obj: dict[Any, Any], ref: str, doc: load.Document, ptr: str, kind: int) -> Any:
        rptr = ptr + "/$ref"
        target, pointer, value = self._target(ref, doc, rptr)
        self.changed = True
        if isinstance(target, _Text):
            if kind == _SCHEMA:
                raise self._error(f"$ref {ref!r}: a text file cannot stand for a schema", doc, rptr,
                                  hint="only a description (or an x- extension) can be a $ref to a text file")
            return value
        if kind == _SCHEMA:
            if not isinstance(value, (dict, bool)):
                raise self._error(f"$ref {ref!r} points at a {type(value).__name__}, not a schema", doc, rptr)
            return {"$ref": "#" + self._schema_ref(target, pointer, value), **self._siblings(obj, doc, ptr, kind)}
        if not isinstance(value, dict):
            raise self._error(f"$ref {ref!r} points at a {type(value).__name__}, not an object", doc, rptr)
        if target is self.root:
            return {"$ref": "#" + pointer, **self._siblings(obj, doc, ptr, kind)}
        key = (self._key(target.path), pointer)
        if key in self.inlining:
            chain = self.inlining[self.inlining.index(key):] + [key]
            names = " -> ".join(f"{path.name}#{p}" for path, p in chain)
            raise self._error(f"$ref loop between files: {names}", doc, rptr,
                              hint="an object cannot contain itself through $refs (only schemas may be recursive)")
        memo_key = (key[0], pointer, kind)
        result = self.memo.get(memo_key, _MISSING)
        if result is _MISSING:
            self.inlining.append(key)
            try:
                result = self._rewrite(value, target, pointer, kind)
            finally:
                self.inlining.pop()
            self._origin(result, target, pointer)
            self.memo[memo_key] = result
            self.sizes[id(result)] = _size(result)
        else:
            self.expanded += self.sizes.get(id(result), 1)
            if self.expanded > load.MAX_EXPANDED_NODES:
                raise SpecError(
                    f"external $refs expand to more than {load.MAX_EXPANDED_NODES:,} values",
                    file=str(self.root.path),
                    hint="the referenced files refer to each other too many times over",
                )
            result = self._copy(result)
        siblings = self._siblings(obj, doc, ptr, kind)
        if siblings and isinstance(result, dict):
            result = {**result, **siblings}  # summary / description beside a $ref override the referenced ones
            self._origin(result, target, pointer)
        return result

    def _schema_ref(self, target: load.Document, pointer: str, value: Any) -> str:
        """The local pointer that a schema at (target, pointer) has in the bundled document."""
        if target is self.root:
            tokens = load.split_pointer(pointer)
            if len(tokens) == 3 and pointer.startswith(_SCHEMA_PREFIX) and tokens[2] in self.root_schemas:
                return pointer
        key = (self._key(target.path), pointer)
        name = self.names.get(key)
        if name is None:
            name = self._unique_name(target.path, pointer)
            self.names[key] = name
            self.pending.append((name, target, pointer, value))
        return _SCHEMA_PREFIX + load.escape_token(name)

    def _unique_name(self, path: Path, pointer: str) -> str:
        stem = path.stem
        tokens = load.split_pointer(pointer)
        parts: list[str] = []
        for token in reversed(tokens):
            parts.append(token)
            if token not in _STRUCTURAL and not token.isdigit():
                break
        else:
            parts = [t for t in parts if t not in ("components", "schemas", "definitions", "$defs")]
            parts.append(stem)
        wanted = "_".join(reversed(parts)) or stem or "Schema"
        candidates = [wanted]
        if stem and stem.casefold() != wanted.casefold():
            candidates.append(f"{stem}_{wanted}")
        if path.parent.name:
            candidates.append(f"{path.parent.name}_{wanted}")
        for candidate in candidates:
            if candidate.casefold() not in self.taken:
                self.taken.add(candidate.casefold())
                return candidate
        n = 2
        while f"{wanted}_{n}".casefold() in self.taken:
            n += 1
        self.taken.add(f"{wanted}_{n}".casefold())
        return f"{wanted}_{n}"

    def _discriminator(self, value: dict[Any, Any], doc: load.Document, ptr: str) -> dict[Any, Any]:
        """Mapping values that are references (not bare schema names) point at the bundled component schemas."""
        mapping = value.get("mapping")
        if not isinstance(mapping, dict):
            return value
        new_mapping: dict[Any, Any] | None = None
        for tag, ref in mapping.items():
            if not isinstance(ref, str) or ("/" not in ref and "#" not in ref and "." not in ref):
                continue  # a bare name: a root component schema
            if doc is self.root and ref.startswith("#"):
                continue
            target, pointer, found = self._target(ref, doc, _ptr(_ptr(ptr, "mapping"), tag))
            if isinstance(target, _Text) or not isinstance(found, (dict, bool)):
                continue  # not a schema: left for validation to report
            if new_mapping is None:
                new_mapping = dict(mapping)
            new_mapping[tag] = "#" + self._schema_ref(target, pointer, found)
            self.changed = True
        if new_mapping is None:
            return value
        return {**value, "mapping": new_mapping}


def _child_kind(kind: int, key: Any, value: Any) -> int | None:
    """The kind of the child ``value`` under ``key`` of a container of ``kind``; None: not walked (a literal value)."""
    if kind == _SCHEMA:
        if key in _SCHEMA_CHILD:
            return _SCHEMA if isinstance(value, dict) else _SCHEMALIST
        if key in _SCHEMA_MAP:
            return _SCHEMAMAP
        if key in _SCHEMA_LIST:
            return _SCHEMALIST
        if key in _SCHEMA_VALUES:
            return None
        return _GENERIC
    if kind == _SCHEMAMAP:
        return _SCHEMA
    if kind == _EXAMPLEMAP:
        return _EXAMPLE
    if kind == _EXAMPLE:
        return None if key == "value" else _GENERIC
    if kind == _NAMEMAP:
        return _GENERIC
    # generic objects
    if key == "schema":
        return _SCHEMA
    if key == "schemas":
        return _SCHEMAMAP
    if key == "examples":
        return _EXAMPLEMAP if isinstance(value, dict) else None
    if key in _NAME_MAPS and isinstance(value, dict):
        return _NAMEMAP
    if key in ("example", "default"):
        return None
    return _GENERIC
