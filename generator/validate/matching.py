"""Whether a literal value (a default, enum entry, const or example) matches a schema: the first reason it does not."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any, TypeGuard

_UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?$")
_INT_RANGES = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}
_TYPE_CHECK: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool))
    or (isinstance(v, float) and v.is_integer()),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
    "null": lambda v: v is None,
}
MAX_CHECK_DEPTH = 40


def _same(a: Any, b: Any) -> bool:
    """JSON equality: 1 != True, 1 == 1.0."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return bool(a == b)


def _fmt(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class ValueChecker:
    """Checks a literal value against a schema; ``resolve(ref) -> schema | None`` follows `$ref`s."""

    def __init__(self, resolve: Callable[[str], Any], openapi30: bool) -> None:
        self.resolve = resolve
        self.openapi30 = openapi30

    def check(self, value: Any, schema: Any, *, skip_enum: bool = False, depth: int = 0) -> str | None:
        """The first reason ``value`` does not match ``schema``, or None. Unknown constructs are accepted."""
        if depth > MAX_CHECK_DEPTH or not isinstance(schema, dict):
            return None
        ref = schema.get("$ref")
        if isinstance(ref, str):
            target = self.resolve(ref)
            if target is None or target is schema:
                return None
            problem = self.check(value, target, depth=depth + 1)
            if problem or self.openapi30:
                return problem  # in 3.0 siblings of $ref are ignored
        if value is None and self._nullable(schema):
            return None
        return (
            _check_type(value, schema)
            or (None if skip_enum else _check_enum(value, schema))
            or _check_const(value, schema)
            or self._check_details(value, schema, depth)
            or self._check_composition(value, schema, depth)
        )

    def _check_composition(self, value: Any, schema: dict[str, Any], depth: int) -> str | None:
        for sub in schema.get("allOf") or ():
            problem = self.check(value, sub, depth=depth + 1)
            if problem:
                return problem
        for key in ("anyOf", "oneOf"):
            subs = schema.get(key)
            if isinstance(subs, list) and subs:
                reasons = [self.check(value, sub, depth=depth + 1) for sub in subs]
                if all(reasons):
                    return f"{_fmt(value)} matches none of the {key} variants ({reasons[0]})"
        return None

    def _nullable(self, schema: dict[str, Any]) -> bool:
        if schema.get("nullable") is True:
            return True
        t = schema.get("type")
        if t == "null" or (isinstance(t, list) and "null" in t):
            return True
        enum = schema.get("enum")
        if isinstance(enum, list) and None in enum:
            return True
        for key in ("anyOf", "oneOf"):
            for sub in schema.get(key) or ():
                if isinstance(sub, dict):
                    if "$ref" in sub:
                        sub = self.resolve(sub["$ref"]) or {}
                    if isinstance(sub, dict) and self._nullable(sub):
                        return True
        return False

    def _check_details(self, value: Any, schema: dict[str, Any], depth: int) -> str | None:
        if isinstance(value, str):
            return _check_string(value, schema)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return _check_number(value, schema, self.openapi30)
        if isinstance(value, list):
            return self._check_array(value, schema, depth)
        if isinstance(value, dict):
            return self._check_object(value, schema, depth)
        return None

    def _check_array(self, value: list[Any], schema: dict[str, Any], depth: int) -> str | None:
        lo, hi = schema.get("minItems"), schema.get("maxItems")
        if isinstance(lo, int) and len(value) < lo:
            return f"the array has fewer than minItems {lo} items"
        if isinstance(hi, int) and len(value) > hi:
            return f"the array has more than maxItems {hi} items"
        items = schema.get("items")
        if isinstance(items, dict):
            for i, item in enumerate(value[:1000]):
                problem = self.check(item, items, depth=depth + 1)
                if problem:
                    return f"item {i}: {problem}"
        return None

    def _check_object(self, value: dict[str, Any], schema: dict[str, Any], depth: int) -> str | None:
        props = schema.get("properties")
        props = props if isinstance(props, dict) else {}
        required = schema.get("required")
        if isinstance(required, list):
            for name in required:
                if isinstance(name, str) and name not in value:
                    return f"the required property {name!r} is missing"
        for name, sub in props.items():
            if name in value:
                problem = self.check(value[name], sub, depth=depth + 1)
                if problem:
                    return f"property {name!r}: {problem}"
        if schema.get("additionalProperties") is False and props and not _has_composition(schema):
            extra = [k for k in value if k not in props]
            if extra:
                return f"the property {extra[0]!r} is not allowed (additionalProperties: false)"
        return None


def _check_type(value: Any, schema: dict[str, Any]) -> str | None:
    t = schema.get("type")
    types = [n for n in t if isinstance(n, str)] if isinstance(t, list) else [t] if isinstance(t, str) else []
    if not types:
        return None
    for name in types:
        check = _TYPE_CHECK.get(name)
        if check is None or check(value):
            return None
    if value is None:
        return "null is not allowed (the schema is not nullable)"
    return f"{_fmt(value)} is not of type {'/'.join(map(str, types))}"


def _check_enum(value: Any, schema: dict[str, Any]) -> str | None:
    enum = schema.get("enum")
    if isinstance(enum, list) and enum and not any(_same(value, e) for e in enum):
        return f"{_fmt(value)} is not one of the enum values {_fmt(enum)}"
    return None


def _check_const(value: Any, schema: dict[str, Any]) -> str | None:
    if "const" in schema and not _same(value, schema["const"]):
        return f"{_fmt(value)} is not the const {_fmt(schema['const'])}"
    return None


def _check_string(value: str, schema: dict[str, Any]) -> str | None:
    fmt = schema.get("format")
    if fmt == "uuid" and not _UUID_RE.match(value):
        return f"{_fmt(value)} is not a uuid"
    if fmt == "date" and not _DATE_RE.match(value):
        return f"{_fmt(value)} is not a date (YYYY-MM-DD)"
    if fmt == "date-time" and not _DATETIME_RE.match(value):
        return f"{_fmt(value)} is not a date-time (RFC 3339)"
    lo, hi = schema.get("minLength"), schema.get("maxLength")
    if isinstance(lo, int) and len(value) < lo:
        return f"{_fmt(value)} is shorter than minLength {lo}"
    if isinstance(hi, int) and len(value) > hi:
        return f"{_fmt(value)} is longer than maxLength {hi}"
    pattern = schema.get("pattern")
    if isinstance(pattern, str):
        try:
            if not re.search(pattern, value):
                return f"{_fmt(value)} does not match the pattern {pattern!r}"
        except (re.error, RecursionError):
            pass
    return None


def _check_number(value: float, schema: dict[str, Any], openapi30: bool) -> str | None:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    fmt = schema.get("format")
    if isinstance(fmt, str) and fmt in _INT_RANGES and isinstance(value, int):
        low, high = _INT_RANGES[fmt]
        if not low <= value <= high:
            return f"{value} is out of range for {fmt}"
    return _check_bounds(value, schema, openapi30)


def _has_composition(schema: dict[str, Any]) -> bool:
    return any(k in schema for k in ("allOf", "anyOf", "oneOf", "patternProperties"))


def _is_number(value: Any) -> TypeGuard[float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _check_bounds(value: float, schema: dict[str, Any], openapi30: bool) -> str | None:
    minimum, maximum = schema.get("minimum"), schema.get("maximum")
    ex_min, ex_max = schema.get("exclusiveMinimum"), schema.get("exclusiveMaximum")
    if _is_number(minimum) and (value < minimum or (ex_min is True and value == minimum)):
        return f"{value} is below the minimum {minimum}"
    if _is_number(maximum) and (value > maximum or (ex_max is True and value == maximum)):
        return f"{value} is above the maximum {maximum}"
    if _is_number(ex_min) and value <= ex_min:
        return f"{value} is not above the exclusiveMinimum {ex_min}"
    if _is_number(ex_max) and value >= ex_max:
        return f"{value} is not below the exclusiveMaximum {ex_max}"
    return None
