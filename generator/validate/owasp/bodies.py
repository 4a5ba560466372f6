"""Request bodies (SF223): no schema an operation accepts lets a client send properties nobody declared, unbounded."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from generator import pointer
from generator.validate.owasp.operations import resolved

if TYPE_CHECKING:
    from generator.validate.context import DocChecker
    from generator.validate.owasp.operations import Operation

_OPEN_KEYS = ("additionalProperties", "unevaluatedProperties")
_SUBSCHEMA = ("items", "additionalProperties", "unevaluatedProperties", "if", "then", "else", "contains")
_SUBSCHEMA_MAPS = ("properties", "patternProperties", "$defs", "dependentSchemas")
_SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")

Place = tuple["DocChecker", str, Any]  # the document's checker, the pointer, the value there


def check_request_bodies(ops: Iterable[Operation]) -> None:
    """Every schema each request body reaches, through `$ref`s into any file, each place once."""
    seen: set[tuple[int, str]] = set()
    stack: list[Place] = []
    for op in ops:
        if "requestBody" in op.op:
            body = resolved(op.checker, pointer.child(op.ptr, "requestBody"), op.op["requestBody"])
            stack.extend(_media_schemas(body))
    while stack:
        checker, ptr, schema = resolved(*stack.pop())
        if not isinstance(schema, dict) or (id(checker), ptr) in seen:
            continue
        seen.add((id(checker), ptr))
        _open_properties(checker, schema, ptr)
        stack.extend(_subschemas(checker, schema, ptr))


def _media_schemas(place: Place) -> Iterator[Place]:
    checker, ptr, body = place
    content = body.get("content") if isinstance(body, dict) else None
    if isinstance(content, dict):
        for media, entry in content.items():
            if isinstance(entry, dict) and "schema" in entry:
                yield checker, ptr + pointer.join("content", media, "schema"), entry["schema"]


def _open_properties(checker: DocChecker, schema: dict[str, Any], ptr: str) -> None:
    if "maxProperties" in schema:
        return
    for key in _OPEN_KEYS:
        value = schema.get(key)
        if value is True or isinstance(value, dict):
            checker.report("SF223", f"`{key}` lets a request carry any number of undeclared properties",
                           pointer.child(ptr, key))


def _subschemas(checker: DocChecker, schema: dict[str, Any], ptr: str) -> Iterator[Place]:
    for key in _SUBSCHEMA:
        if isinstance(schema.get(key), dict):
            yield checker, pointer.child(ptr, key), schema[key]
    for key in _SUBSCHEMA_MAPS:
        members = schema.get(key)
        if isinstance(members, dict):
            for name, value in members.items():
                yield checker, ptr + pointer.join(key, name), value
    for key in _SUBSCHEMA_LISTS:
        members = schema.get(key)
        if isinstance(members, list):
            for i, value in enumerate(members):
                yield checker, f"{ptr}/{key}/{i}", value
