"""Examples against their schemas: a schema's own ``example``/``default`` (oas3-valid-schema-example) and a media
type's, parameter's or header's ``example``/``examples`` (oas3-valid-media-example)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator import pointer
from generator.validate.style.context import Node, Style

if TYPE_CHECKING:
    from generator.validate.context import DocChecker

# a schema's example is checked only when the schema says something a value can break (Spectral's filter)
_CONSTRAINING = ("enum", "type", "format", "$ref", "properties", "items")


def check_schema_example(style: Style, checker: DocChecker, node: Node) -> None:
    schema = node.value
    if not any(schema.get(key) for key in _CONSTRAINING):
        return
    for field in ("example", "default"):
        if field in schema:
            problem = checker.values.check(schema[field], schema)
            if problem:
                style.report("SF125", f"{field} {problem}", node.child(field))


def check_media_example(style: Style, checker: DocChecker, node: Node) -> None:
    """The first of ``example`` and ``examples`` the object has (Spectral checks only that one)."""
    obj = node.value
    schema = obj.get("schema")
    if not schema or not isinstance(schema, dict):
        return
    if "example" in obj:
        _check(style, checker, obj["example"], schema, node.child("example"))
        return
    examples = obj.get("examples")
    if not isinstance(examples, dict):
        return
    for name, example in examples.items():
        if isinstance(example, dict) and "$ref" in example:
            example = checker.resolve_value(example["$ref"])
        if isinstance(example, dict) and "externalValue" not in example and "value" in example:
            where = pointer.child(pointer.child(pointer.child(node.ptr, "examples"), name), "value")
            _check(style, checker, example["value"], schema, Node(node.doc, where, example["value"]))


def _check(style: Style, checker: DocChecker, value: Any, schema: dict[str, Any], where: Node) -> None:
    problem = checker.values.check(value, schema)
    if problem:
        style.report("SF124", f"example {problem}", where)
