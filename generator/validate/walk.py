"""The walk over a document: which objects are schemas, examples or plain objects, and the checks each one gets."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator import pointer
from generator.load.kinds import GENERIC, MAP_KINDS, SCHEMA, SCHEMALIST, child_kind
from generator.load.leniency.refs import STRING_KEYS, string_ref
from generator.validate.lenient_refs import read_string_ref
from generator.validate.owasp.limits import check_limits
from generator.validate.values import check_examples, check_schema

if TYPE_CHECKING:
    from generator.validate.context import DocChecker

Stack = list[tuple[Any, str, int]]


def walk(checker: DocChecker, start: Any, ptr: str, kind: int) -> None:
    """Check every `$ref`, schema and example under ``start`` (each object once). The containers under an object that
    the walk visits: not extensions (``x-...``), which are not OpenAPI, except as the name of a member of a map (a
    property or path item may be called ``x-...``); a `$ref` where a string belongs is read as its text (SF072)."""
    stack: Stack = [(start, ptr, kind)]
    seen: set[int] = set()
    run, doc = checker.run, checker.doc
    style, limits, check_ref = run.style, run.limits, run.refs.check
    if style is not None:
        from generator.validate.style.run import visit
    pop, push = stack.pop, stack.append
    while stack:
        obj, ptr, kind = pop()
        if isinstance(obj, dict):
            if id(obj) in seen:
                continue
            seen.add(id(obj))
            in_map = kind in MAP_KINDS
            ref = obj.get("$ref")
            if ref is not None and not in_map:
                check_ref(doc, ptr, ref, SCHEMA if kind == SCHEMA else GENERIC)
            if kind == SCHEMA:
                check_schema(checker, obj, ptr)
                if limits:
                    check_limits(checker, obj, ptr)
            elif kind == GENERIC and "schema" in obj and ("example" in obj or "examples" in obj):
                check_examples(checker, obj, ptr)
            if style is not None:
                visit(style, checker, obj, ptr, kind)
            for key, value in obj.items():  # replacing a value (SF072) while iterating is allowed
                if not isinstance(value, (dict, list)) or (not in_map and isinstance(key, str) and key.startswith("x-")):
                    continue
                if key in STRING_KEYS:
                    ref = string_ref(kind, key, value)
                    if ref is not None and read_string_ref(checker, obj, key, ref, ptr):
                        continue
                child = child_kind(kind, key, value)
                if child is not None:
                    push((value, pointer.child(ptr, key), child))
        elif isinstance(obj, list):
            child = SCHEMA if kind == SCHEMALIST else GENERIC
            for i, value in enumerate(obj):
                if isinstance(value, (dict, list)):
                    push((value, f"{ptr}/{i}", child))
