"""The bundling walk: every external ``$ref`` of a document becomes a local one or the object it points at."""

from __future__ import annotations

from typing import Any

from generator import pointer as json_pointer
from generator.diagnostics import WARNING, Diagnostic
from generator.load.components import ComponentSchemas, discriminator_mapping
from generator.load.document import Document
from generator.load.guards import ExpansionBudget, container_count
from generator.load.kinds import EXTENSION, GENERIC, MAP_KINDS, OPERATION, SCHEMA, SCHEMALIST, child_kind
from generator.load.leniency.refs import OPERATION_REF, STRING_REF, operation_message, string_message, string_ref
from generator.load.positions import locate
from generator.load.sources import Sources, TextFile, ref_error


class Rewriter:
    """One bundle in the making: the files read, the schemas added, and where every copied container came from."""

    def __init__(self, root: Document) -> None:
        self.root = root
        self.sources = Sources(root)
        self.components = ComponentSchemas(self.sources)
        self.budget = ExpansionBudget(root.path)
        self.origins: dict[int, tuple[Document, str]] = {}  # id(container) -> (file, pointer in it)
        self.keep: list[Any] = []  # the containers of ``origins``: their ids stay theirs
        self.memo: dict[tuple[Any, str, int], Any] = {}  # inlined objects, rewritten once
        self.sizes: dict[int, int] = {}
        self.inlining: list[tuple[Any, str]] = []
        self.lenient: list[Diagnostic] = []  # `$ref`s where OpenAPI allows none, read as meant (leniency/refs.py)
        self.changed = False

    def run(self) -> dict[str, Any]:
        """The bundled data; the root's own data when it has no external reference."""
        self.components.seed()
        data: dict[str, Any] = self.rewrite(self.root.data, self.root, "", GENERIC)
        pending = self.components.pending
        while pending:
            name, doc, pointer, value = pending.popleft()
            out = self.rewrite(value, doc, pointer, SCHEMA)
            if isinstance(out, (dict, list)):
                self.origin(out, doc, pointer)
            self.components.schemas[name] = out
        if not self.changed:
            return self.root.data
        return self.components.merged_into(data)

    def note(self, rule: str, message: str, doc: Document, pointer: str) -> None:
        """A lenient reading, located where the author wrote it (its level and hint are the validate rules')."""
        line, column = locate(doc, pointer)
        self.lenient.append(Diagnostic(rule, WARNING, message, str(doc.path), line, column, pointer))

    def origin(self, obj: Any, doc: Document, pointer: str) -> None:
        if id(obj) not in self.origins:
            self.origins[id(obj)] = (doc, pointer)
            self.keep.append(obj)

    def rewrite(self, obj: Any, doc: Document, ptr: str, kind: int) -> Any:
        """``obj`` (at ``ptr`` in ``doc``) with its references bundled.

        A part of the root document comes back as the same object when nothing in it changed; a part of another file
        is always a new copy, so nothing done to the bundled document (leniency fixes it in place) reaches the loaded
        files or a second place that refers to the same part.
        """
        copy = doc is not self.root
        if copy:
            self.budget.spend(1)
        if isinstance(obj, list):
            return self._rewrite_list(obj, doc, ptr, kind, copy)
        if not isinstance(obj, dict):
            return obj
        ref = obj.get("$ref")
        if isinstance(ref, str) and (kind == OPERATION or not (doc is self.root and ref.startswith("#"))):
            return self._ref(obj, ref, doc, ptr, kind)
        out: dict[Any, Any] | None = dict(obj) if copy else None
        for key, value in obj.items():
            if isinstance(value, (dict, list)):
                new = self._member(value, doc, ptr, kind, key, copy)
                if new is not value:
                    if out is None:
                        out = dict(obj)
                    out[key] = new
        return obj if out is None else out

    def _rewrite_list(self, obj: list[Any], doc: Document, ptr: str, kind: int, copy: bool) -> list[Any]:
        child = SCHEMA if kind == SCHEMALIST else EXTENSION if kind == EXTENSION else GENERIC
        out: list[Any] | None = list(obj) if copy else None
        for i, value in enumerate(obj):
            if isinstance(value, (dict, list)):
                new = self.rewrite(value, doc, f"{ptr}/{i}", child)
                if new is not value:
                    if out is None:
                        out = list(obj)
                    out[i] = new
        return obj if out is None else out

    def _member(self, value: Any, doc: Document, ptr: str, kind: int, key: Any, copy: bool) -> Any:
        """The container ``value`` under ``key`` of a mapping of ``kind``, bundled (or copied: a literal value)."""
        if kind == SCHEMA and key == "discriminator" and isinstance(value, dict):
            new = discriminator_mapping(self.components, value, doc, json_pointer.child(ptr, key))
            if new is not value:
                self.changed = True
            return _plain_copy(value) if copy and new is value else new
        ref = string_ref(kind, key, value)
        if ref is not None:
            text = self._string(key, ref, doc, json_pointer.child(ptr, key))
            if text is not None:
                return text
        child = child_kind(kind, key, value)
        if child is None:
            return _plain_copy(value) if copy else value  # a literal value (example, default, ...)
        return self.rewrite(value, doc, json_pointer.child(ptr, key), child)

    def _string(self, key: str, ref: str, doc: Document, ptr: str) -> str | None:
        """SF072: the text a `$ref` where a string belongs points at; None when it points at no string."""
        rptr = ptr + "/$ref"
        value = self.sources.target(ref, doc, rptr)[2]
        if not isinstance(value, str):
            return None
        self.note(STRING_REF, string_message(key, ref), doc, rptr)
        self.changed = True
        return value

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
            self.origin(new, *origin)
        return new

    def _siblings(self, obj: dict[Any, Any], doc: Document, ptr: str, kind: int) -> dict[Any, Any]:
        rest = {k: v for k, v in obj.items() if k != "$ref"}
        if not rest:
            return rest
        return dict(self.rewrite(rest, doc, ptr, kind if kind not in MAP_KINDS else GENERIC))

    def _ref(self, obj: dict[Any, Any], ref: str, doc: Document, ptr: str, kind: int) -> Any:
        rptr = ptr + "/$ref"
        target, pointer, value = self.sources.target(ref, doc, rptr)
        self.changed = True
        if kind == OPERATION:
            self.note(OPERATION_REF, operation_message(json_pointer.split(ptr)[-1], ref), doc, rptr)
        if isinstance(target, TextFile):
            if kind in (SCHEMA, OPERATION):
                what = "a schema" if kind == SCHEMA else "an operation"
                raise ref_error(f"$ref {ref!r}: a text file cannot stand for {what}", doc, rptr,
                                hint="only a description (or an x- extension) can be a $ref to a text file")
            return value
        if kind == SCHEMA:
            if not isinstance(value, (dict, bool)):
                raise ref_error(f"$ref {ref!r} points at a {type(value).__name__}, not a schema", doc, rptr)
            local = self.components.local_pointer(target, pointer, value)
            return {"$ref": "#" + local, **self._siblings(obj, doc, ptr, kind)}
        if kind == EXTENSION and not isinstance(value, dict):
            return _plain_copy(value)  # an extension is free-form: the value pointed at, whatever it is
        if not isinstance(value, dict):
            raise ref_error(f"$ref {ref!r} points at a {type(value).__name__}, not an object", doc, rptr)
        if target is self.root and kind != OPERATION:
            return {"$ref": "#" + pointer, **self._siblings(obj, doc, ptr, kind)}
        result = self._inline(target, pointer, value, kind, (doc, rptr))
        if target is self.root:
            result = self._copy(result)  # an operation of the root used here too: its own copy
        siblings = self._siblings(obj, doc, ptr, kind)
        if siblings and isinstance(result, dict):
            result = {**result, **siblings}  # summary / description beside a $ref override the referenced ones
            self.origin(result, target, pointer)
        return result

    def _inline(self, target: Document, pointer: str, value: Any, kind: int, at: tuple[Document, str]) -> Any:
        """The object at (target, pointer) rewritten the first time it is referenced, copied every later time."""
        key = (self.sources.key(target.path), pointer)
        if key in self.inlining:
            chain = self.inlining[self.inlining.index(key):] + [key]
            names = " -> ".join(f"{path.name}#{p}" for path, p in chain)
            raise ref_error(f"$ref loop between files: {names}", *at,
                            hint="an object cannot contain itself through $refs (only schemas may be recursive)")
        memo_key = (key[0], pointer, kind)
        result = self.memo.get(memo_key, json_pointer.MISSING)
        if result is not json_pointer.MISSING:
            self.budget.spend(self.sizes.get(id(result), 1))
            return self._copy(result)
        self.inlining.append(key)
        try:
            result = self.rewrite(value, target, pointer, kind)
        finally:
            self.inlining.pop()
        self.origin(result, target, pointer)
        self.memo[memo_key] = result
        self.sizes[id(result)] = container_count(result)
        return result


def _plain_copy(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: _plain_copy(v) if isinstance(v, (dict, list)) else v for k, v in obj.items()}
    if isinstance(obj, list):
        return [_plain_copy(v) if isinstance(v, (dict, list)) else v for v in obj]
    return obj
