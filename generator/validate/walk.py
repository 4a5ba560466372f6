"""The walk over a document: which objects are schemas, examples or plain objects, and the checks each one gets."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator import pointer
from generator.validate.values import check_examples, check_schema

if TYPE_CHECKING:
    from generator.validate.context import DocChecker

_SCHEMA_CHILD = frozenset(
    ("items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else", "unevaluatedItems",
     "unevaluatedProperties", "additionalItems", "contentSchema")
)
_SCHEMA_MAP = frozenset(("properties", "patternProperties", "$defs", "definitions", "dependentSchemas"))
_SCHEMA_LIST = frozenset(("allOf", "anyOf", "oneOf", "prefixItems"))
_VALUE_KEYS = frozenset(("default", "enum", "const", "example", "examples"))
_NAME_MAPS = frozenset(("paths", "responses", "parameters", "requestBodies", "headers", "securitySchemes", "links",
                        "callbacks", "pathItems", "content", "encoding", "webhooks"))

# what a value is, for the walk
GENERIC, SCHEMA, SCHEMAMAP, SCHEMALIST, NAMEMAP, EXAMPLEMAP, EXAMPLE = range(7)
_MAPS = (SCHEMAMAP, NAMEMAP, EXAMPLEMAP)

Stack = list[tuple[Any, str, int]]


def walk(checker: DocChecker, start: Any, ptr: str, kind: int) -> None:
    """Check every `$ref`, schema and example under ``start`` (each object once)."""
    stack: Stack = [(start, ptr, kind)]
    seen: set[int] = set()
    while stack:
        obj, ptr, kind = stack.pop()
        if isinstance(obj, dict):
            if id(obj) in seen:
                continue
            seen.add(id(obj))
            ref = obj.get("$ref")
            if ref is not None and kind not in _MAPS:
                checker.run.refs.check(checker.doc, ptr, ref, SCHEMA if kind == SCHEMA else GENERIC)
            if kind == SCHEMA:
                check_schema(checker, obj, ptr)
                _schema_children(stack, obj, ptr)
            elif kind in _MAPS or kind == EXAMPLE:
                _map_children(stack, obj, ptr, kind)
            else:
                if "schema" in obj and ("example" in obj or "examples" in obj):
                    check_examples(checker, obj, ptr)
                _generic_children(stack, obj, ptr)
        elif isinstance(obj, list):
            child = SCHEMA if kind == SCHEMALIST else GENERIC
            for i, value in enumerate(obj):
                if isinstance(value, (dict, list)):
                    stack.append((value, f"{ptr}/{i}", child))


def _schema_children(stack: Stack, schema: dict[Any, Any], ptr: str) -> None:
    for key, value in schema.items():
        if not isinstance(value, (dict, list)):
            continue
        if key in _SCHEMA_CHILD:
            stack.append((value, pointer.child(ptr, key), SCHEMA if isinstance(value, dict) else SCHEMALIST))
        elif key in _SCHEMA_MAP:
            stack.append((value, pointer.child(ptr, key), SCHEMAMAP))
        elif key in _SCHEMA_LIST:
            stack.append((value, pointer.child(ptr, key), SCHEMALIST))
        elif not (key in _VALUE_KEYS or _is_extension(key)):
            stack.append((value, pointer.child(ptr, key), GENERIC))


def _map_children(stack: Stack, obj: dict[Any, Any], ptr: str, kind: int) -> None:
    """The members of a map of schemas, names or examples, or of one Example Object (its ``value`` is data)."""
    for key, value in obj.items():
        if not isinstance(value, (dict, list)):
            continue
        if kind == SCHEMAMAP:
            stack.append((value, pointer.child(ptr, key), SCHEMA))
        elif kind == EXAMPLEMAP:
            stack.append((value, pointer.child(ptr, key), EXAMPLE))
        elif kind == EXAMPLE:
            if key != "value" and not _is_extension(key):
                stack.append((value, pointer.child(ptr, key), GENERIC))
        else:
            stack.append((value, pointer.child(ptr, key), GENERIC))


def _generic_children(stack: Stack, obj: dict[Any, Any], ptr: str) -> None:
    for key, value in obj.items():
        if not isinstance(value, (dict, list)):
            continue
        if key == "schema":
            stack.append((value, pointer.child(ptr, key), SCHEMA))
        elif key == "schemas":
            stack.append((value, pointer.child(ptr, key), SCHEMAMAP))
        elif key == "examples":
            if isinstance(value, dict):
                stack.append((value, pointer.child(ptr, key), EXAMPLEMAP))
        elif key in _NAME_MAPS and isinstance(value, dict):
            stack.append((value, pointer.child(ptr, key), NAMEMAP))
        elif not (key in ("example", "default") or _is_extension(key)):
            stack.append((value, pointer.child(ptr, key), GENERIC))


def _is_extension(key: Any) -> bool:
    return isinstance(key, str) and key.startswith("x-")
