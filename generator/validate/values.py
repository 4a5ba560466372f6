"""Literal values against their own schema (SF020-SF024): defaults, enum entries, consts and examples."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from generator import pointer
from generator.validate.discriminators import check_discriminator
from generator.validate.names import check_property_names

if TYPE_CHECKING:
    from generator.validate.context import DocChecker

_MEMBER_RE = re.compile(r"/(?:properties/[^/]+|parameters/\d+/schema|headers/[^/]+/schema|components/parameters/[^/]+"
                        r"/schema)$")
_CHECKED_SCHEMA_KEYS = frozenset(("default", "enum", "const", "example", "examples", "properties", "discriminator"))
# keywords that can make a plain string/boolean/number value fail its schema beyond its type and enum
_VALUE_CONSTRAINTS = frozenset(("$ref", "format", "minLength", "maxLength", "pattern", "allOf", "anyOf", "oneOf", "not",
                                "const", "discriminator", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
                                "multipleOf"))
_PLAIN_TYPES: dict[Any, tuple[type, ...]] = {"string": (str,), "boolean": (bool,), "integer": (int,),
                                             "number": (int, float)}


def check_schema(checker: DocChecker, schema: dict[str, Any], ptr: str) -> None:
    """A schema the walk reached: its values, its examples and its property names."""
    if _CHECKED_SCHEMA_KEYS.isdisjoint(schema):
        return
    check_values(checker, schema, ptr)
    if "example" in schema:
        _check_example(checker, schema["example"], schema, pointer.child(ptr, "example"))
    examples = schema.get("examples")
    if isinstance(examples, list):
        for i, example in enumerate(examples):
            _check_example(checker, example, schema, f"{ptr}/examples/{i}")
    props = schema.get("properties")
    if isinstance(props, dict) and len(props) > 1:
        check_property_names(checker, props, pointer.child(ptr, "properties"))


def check_values(checker: DocChecker, schema: dict[str, Any], where: str | Callable[[], str]) -> None:
    """default, enum and const against the schema (SF020-SF022, SF024); the discriminator (SF030, SF031).
    ``where`` is the schema's pointer, or a function giving it (called only when something is reported)."""
    if _plain_values(schema):
        return
    values = checker.values
    ptr = where if isinstance(where, str) else None

    def at() -> str:
        nonlocal ptr
        if ptr is None:
            ptr = where() if callable(where) else where
        return ptr

    if "default" in schema and schema["default"] is not None:  # `default: null` reads as "no default"
        problem = values.check(schema["default"], schema)
        if problem:
            rule = "SF020" if _is_member_schema(at()) else "SF024"
            checker.report(rule, f"default {problem}", pointer.child(at(), "default"))
    enum = schema.get("enum")
    if isinstance(enum, list):
        for i, entry in enumerate(enum):
            problem = None if entry is None else values.check(entry, schema, skip_enum=True)
            if problem:
                checker.report("SF021", f"enum entry {problem}", f"{at()}/enum/{i}")
    if "const" in schema:
        problem = values.check(schema["const"], schema, skip_enum=True)
        if problem:
            checker.report("SF022", f"const {problem}", pointer.child(at(), "const"))
    if isinstance(schema.get("discriminator"), dict):
        check_discriminator(checker, schema, at())


def check_examples(checker: DocChecker, obj: dict[str, Any], ptr: str) -> None:
    """A parameter's, header's or media type's ``example`` / ``examples`` against its schema (SF023)."""
    schema = obj.get("schema")
    if not isinstance(schema, dict):
        return
    if "example" in obj:
        _check_example(checker, obj["example"], schema, pointer.child(ptr, "example"))
    examples = obj.get("examples")
    if isinstance(examples, dict):
        for name, example in examples.items():
            if isinstance(example, dict) and "$ref" in example:
                example = checker.resolve_value(example["$ref"])
            if isinstance(example, dict) and "value" in example:
                where = pointer.child(pointer.child(pointer.child(ptr, "examples"), name), "value")
                _check_example(checker, example["value"], schema, where)


def _check_example(checker: DocChecker, example: Any, schema: dict[str, Any], where: str) -> None:
    problem = checker.values.check(example, schema)
    if problem:
        checker.report("SF023", f"example {problem}", where)


def _is_member_schema(ptr: str) -> bool:
    """A property's or parameter's own schema: where a default becomes a default of generated code."""
    return _MEMBER_RE.search(ptr) is not None


def _plain_values(schema: dict[str, Any]) -> bool:
    """True when the default and enum entries of ``schema`` cannot fail: a single scalar type, every value of that
    exact type, the default among the enum entries, and no constraint beyond them (the common case, checked fast)."""
    t = schema.get("type")
    kinds = _PLAIN_TYPES.get(t) if type(t) is str else None
    if kinds is None or not _VALUE_CONSTRAINTS.isdisjoint(schema):
        return False
    enum = schema.get("enum")
    if enum is not None:
        if type(enum) is not list:
            return False
        for entry in enum:
            if entry is not None and type(entry) not in kinds:
                return False
    default = schema.get("default")
    if default is None:
        return True
    return type(default) in kinds and (enum is None or default in enum)
