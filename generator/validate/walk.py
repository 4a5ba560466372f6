"""The walk over a document: which objects are schemas, examples or plain objects, and the checks each one gets."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator import pointer
from generator.load.kinds import GENERIC, MAP_KINDS, SCHEMA, SCHEMALIST, child_kind
from generator.load.leniency.refs import string_ref
from generator.validate.lenient_refs import read_string_ref
from generator.validate.owasp.limits import check_limits
from generator.validate.values import check_examples, check_schema

if TYPE_CHECKING:
    from generator.validate.context import DocChecker

Stack = list[tuple[Any, str, int]]


def walk(checker: DocChecker, start: Any, ptr: str, kind: int) -> None:
    """Check every `$ref`, schema and example under ``start`` (each object once)."""
    stack: Stack = [(start, ptr, kind)]
    seen: set[int] = set()
    style = checker.run.style
    if style is not None:
        from generator.validate.style.run import visit
    while stack:
        obj, ptr, kind = stack.pop()
        if isinstance(obj, dict):
            if id(obj) in seen:
                continue
            seen.add(id(obj))
            ref = obj.get("$ref")
            if ref is not None and kind not in MAP_KINDS:
                checker.run.refs.check(checker.doc, ptr, ref, SCHEMA if kind == SCHEMA else GENERIC)
            if kind == SCHEMA:
                check_schema(checker, obj, ptr)
                if checker.run.limits:
                    check_limits(checker, obj, ptr)
            elif kind == GENERIC and "schema" in obj and ("example" in obj or "examples" in obj):
                check_examples(checker, obj, ptr)
            if style is not None:
                visit(style, checker, obj, ptr, kind)
            _children(checker, stack, obj, ptr, kind)
        elif isinstance(obj, list):
            child = SCHEMA if kind == SCHEMALIST else GENERIC
            for i, value in enumerate(obj):
                if isinstance(value, (dict, list)):
                    stack.append((value, f"{ptr}/{i}", child))


def _children(checker: DocChecker, stack: Stack, obj: dict[Any, Any], ptr: str, kind: int) -> None:
    """The containers under ``obj`` that the walk visits; extensions (``x-...``) are not OpenAPI, except as the name
    of a member of a map (a property or path item may be called ``x-...``). A `$ref` where a string belongs is read
    as its text (SF072)."""
    for key, value in obj.items():  # replacing a value (SF072) while iterating is allowed
        if not isinstance(value, (dict, list)) or (kind not in MAP_KINDS and _is_extension(key)):
            continue
        ref = string_ref(kind, key, value)
        if ref is not None and read_string_ref(checker, obj, key, ref, ptr):
            continue
        child = child_kind(kind, key, value)
        if child is not None:
            stack.append((value, pointer.child(ptr, key), child))


def _is_extension(key: Any) -> bool:
    return isinstance(key, str) and key.startswith("x-")
