"""Questions about raw openapi-pydantic schema objects: is it a reference, nullable, an object, trivial, a union."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from openapi_pydantic.v3.v3_0 import DataType as _DataType30
from openapi_pydantic.v3.v3_0 import Reference as _Reference30
from openapi_pydantic.v3.v3_0 import Schema as _Schema30
from openapi_pydantic.v3.v3_1 import DataType as _DataType31
from openapi_pydantic.v3.v3_1 import Reference as _Reference31
from openapi_pydantic.v3.v3_1 import Schema as _Schema31

from generator.pointer import from_fragment

SCHEMA_PREFIX = "#/components/schemas/"

Resolve = Callable[[Any, str], "tuple[Any, str]"]
# a type keyword's value as its plain string (a dict lookup: an enum member's ``.value`` is a slow descriptor)
_PLAIN: dict[Any, Any] = {member: member.value for member in (*_DataType30, *_DataType31)}


def plain(value: Any) -> Any:
    """A type keyword's value (an enum member, a string or anything else) as a plain value."""
    try:
        return _PLAIN.get(value, value)
    except TypeError:  # a list (or another unhashable value): no enum member
        return value


def is_ref(node: Any) -> bool:
    # isinstance, not hasattr: a failed attribute lookup on a pydantic model raises inside, and this runs 90,000 times
    return isinstance(node, (_Reference30, _Reference31))


def extra_ref(node: Any) -> str | None:
    """The ``$ref`` of a schema that openapi-pydantic parsed as a Schema (a $ref with sibling keywords such as
    ``description``, or a 3.1 component that is only a $ref): it keeps the keyword among its extra fields."""
    if type(node) is not _Schema31 and type(node) is not _Schema30:
        return None
    extra = node.__pydantic_extra__
    ref = extra.get("$ref") if extra else None
    return ref if isinstance(ref, str) else None


def nullable_ref(node: Any) -> bool:
    """``{$ref: ..., nullable: true}``: a reference whose value may also be null (OpenAPI 3.0 ignores a $ref's
    siblings, but that one is meant, and openapi-pydantic keeps it among a Reference's extra fields)."""
    extra = node.__pydantic_extra__
    return bool(extra) and extra.get("nullable") is True


def reference(ref: str) -> Any:
    return _Reference31(ref=ref)  # type: ignore[call-arg]  # the field's name (its alias is "$ref")


def component_wire(ref: str) -> str | None:
    """The schema name when ``ref`` names a whole component schema; None for a pointer into one (or elsewhere)."""
    ref = "#" + from_fragment(ref) if "%" in ref else ref
    if not ref.startswith(SCHEMA_PREFIX) or "/" in ref[len(SCHEMA_PREFIX) :]:
        return None
    return ref[len(SCHEMA_PREFIX) :].replace("~1", "/").replace("~0", "~")


def required_sets(schema: Any) -> list[list[str]]:
    """``anyOf: [{required: [a]}, {required: [b]}]`` beside ``properties`` (or in an allOf part beside the part that
    declares them) constrains one object; it is no union.

    Returns those required-name lists ([] when the schema's anyOf/oneOf is a real union).
    """
    variants = [v for v in (schema.anyOf or schema.oneOf or []) if not is_ref(v)]
    if not variants or len(variants) != len(schema.anyOf or schema.oneOf or []):
        return []
    if any(not v.required or not v.model_fields_set <= {"required", "description", "title"} for v in variants):
        return []
    return [list(v.required) for v in variants]


def partial_variants(schema: Any, resolve: Resolve) -> list[tuple[str, Any]]:
    """The anyOf/oneOf variants, with their pointer below ``schema``, of an object that declares properties of its
    own beside them (``properties: {name}, anyOf: [{properties: {kind: {enum: [list]}, options: ...}, required:
    [options]}, ...]``, or ``$ref``s to whole objects): each a way to fill the one object. A variant that is a union
    of objects itself counts as its variants. None unless every variant is an object."""
    if not schema.properties:
        return []
    found = _object_variants(schema, resolve, "", 0)
    return found or []


def _object_variants(schema: Any, resolve: Resolve, pointer: str, depth: int) -> list[tuple[str, Any]] | None:
    key = "anyOf" if schema.anyOf else "oneOf"
    found: list[tuple[str, Any]] = []
    for index, variant in enumerate(getattr(schema, key) or []):
        where = f"{pointer}/{key}/{index}".lstrip("/")
        if is_object_like(variant, resolve):
            found.append((where, variant))
            continue
        resolved, _ = resolve(variant, "")
        inner = _object_variants(resolved, resolve, where, depth + 1) if depth < 3 else None
        if not inner:
            return None
        found += inner
    return found


def literal_values(values: tuple[Any, ...]) -> bool:
    """Whether an enum of these values is a literal type (str, bool, 64-bit int, finite float; not None, objects or
    arrays)."""
    return all(isinstance(v, str) or (isinstance(v, int) and -(2**63) <= v < 2**63)
               or (isinstance(v, float) and math.isfinite(v)) for v in values)


def is_schema(value: Any) -> bool:
    """A schema object or reference (not a bool or None), as in ``additionalProperties``."""
    return value is not None and not isinstance(value, bool)


def enum_kinds(values: list[Any] | None) -> set[str]:
    """The JSON types of an enum without a ``type`` (``enum: [0.5, 1.5]`` is a number)."""
    kinds = {"boolean" if isinstance(v, bool) else "integer" if isinstance(v, int) else "number" if isinstance(v, float)
             else "string" if isinstance(v, str) else "object" if isinstance(v, dict) else "array" if isinstance(v, list)
             else "null" for v in values or ()}
    if kinds == {"integer", "number"}:
        return {"number"}
    return kinds - {"null"}


def types(schema: Any) -> set[str]:
    raw = schema.type
    if raw is None:
        return set()
    if not isinstance(raw, list):
        return {plain(raw)} - {"null"}
    return {plain(v) for v in raw} - {"null"}


def is_null_schema(schema: Any) -> bool:
    if is_ref(schema):
        return False
    return types(schema) == set() and plain(schema.type) == "null" or (
        isinstance(schema.type, list) and [plain(v) for v in schema.type] == ["null"]
    )


def is_nullable(schema: Any) -> bool:
    if _keyword(schema, "nullable"):
        return True
    raw = schema.type
    if raw is not None:
        if isinstance(raw, list):
            if any(v is not None and plain(v) == "null" for v in raw):
                return True
        elif plain(raw) == "null":
            return True
    if schema.enum is not None and None in schema.enum:
        return True
    if schema.allOf and any(is_trivial(part) and getattr(part, "nullable", False) for part in schema.allOf):
        return True
    variants = schema.anyOf or schema.oneOf
    return bool(variants) and any(is_null_schema(v) for v in variants)


def _keyword(schema: Any, name: str) -> Any:
    """``getattr(schema, name, None)`` for a keyword that is a field of one version's Schema and an extra field (or
    absent) in the other's, without pydantic's slow path for a missing attribute."""
    fields = getattr(schema, "__dict__", None)
    if fields is None:
        return getattr(schema, name, None)
    if name in fields:
        return fields[name]
    extra = getattr(schema, "__pydantic_extra__", None)
    if extra and name in extra:
        return extra[name]
    key = (type(schema), name)
    if key not in _CLASS_ATTRIBUTES:
        _CLASS_ATTRIBUTES[key] = getattr(type(schema), name, None)
    return _CLASS_ATTRIBUTES[key]


_CLASS_ATTRIBUTES: dict[tuple[type, str], Any] = {}


def is_union(schema: Any) -> bool:
    return not is_ref(schema) and bool(schema.anyOf or schema.oneOf)


def is_object_like(schema: Any, resolve: Resolve, nested: bool = False) -> bool:
    """An object with properties, or an allOf of such objects. A one-part allOf is its part's alias at the top, but
    inside another allOf (``nested``) it is as object-like as that part."""
    if is_ref(schema) or extra_ref(schema) is not None:
        schema, _ = resolve(schema, "")
    if schema.properties:
        return True
    if nested and types(schema) == {"object"} and not schema.allOf and not is_schema(schema.additionalProperties):
        return True  # an empty object (``{type: object}``) as one part of an allOf: a base with no fields
    parts = [part for part in schema.allOf or [] if not is_trivial(part)]
    if parts and (nested or not (len(parts) == 1 and not schema.properties)):
        return all(is_object_like(part, resolve, True) for part in parts)
    return False


_TRIVIAL_KEYS = {"nullable", "description", "title", "default", "deprecated", "readOnly", "writeOnly", "example", "examples"}
_CONSTRAINT_KEYS = _TRIVIAL_KEYS | {"required", "minProperties", "maxProperties", "oneOf", "anyOf", "not"}


def is_trivial(schema: Any) -> bool:
    """An allOf part that adds no shape: it only annotates (``{nullable: true}``, ``{description: ...}``) or only
    constrains what the other parts declare (``{required: [name]}``, ``oneOf: [{required: [a]}, {required: [b]}]``)."""
    if is_ref(schema) or extra_ref(schema) is not None:
        return False
    keys = schema.model_fields_set
    if keys <= _TRIVIAL_KEYS:
        return True
    if "type" in keys and plain(schema.type) == "object" and not schema.additionalProperties:
        keys = keys - {"type"}  # ``{type: object, required: [...]}`` beside the parts that declare the properties
    if not keys <= _CONSTRAINT_KEYS or "const" in keys:
        return False
    return all(is_trivial(v) for v in (schema.oneOf or []) + (schema.anyOf or []))


def flag(schema: Any, name: str, resolve: Resolve) -> bool:
    resolved, _ = resolve(schema, "")
    return bool(getattr(resolved, name, False))
