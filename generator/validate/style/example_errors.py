"""The findings Spectral's example rules count for one example: Ajv's first-error validation (every anyOf/oneOf
branch tried), better-ajv-errors' pruning, and the one finding a schema Ajv cannot compile gives (None: skipped)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

from generator.validate.style.example_formats import check_format, js_regex

Path = tuple[str, ...]
Resolve = Callable[[Any, str], "tuple[Any, Any] | None"]  # (document, $ref) -> (its document, target) | None
Error = tuple[str, Path, str]
Where = tuple[Any, Any]  # (the document a schema is written in, the schema)  # keyword, where in the example, what (the message's detail)
_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and float(v).is_integer(),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
    "null": lambda v: v is None,
}
_MAX_DEPTH = 64
_GROUPS = {  # the keywords Ajv checks only for values of one type
    "number": frozenset(("maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum", "multipleOf", "format")),
    "string": frozenset(("maxLength", "minLength", "pattern", "format")),
    "array": frozenset(("maxItems", "minItems", "uniqueItems", "items", "additionalItems", "contains", "prefixItems")),
    "object": frozenset(("maxProperties", "minProperties", "required", "propertyNames", "additionalProperties",
                         "dependencies", "properties", "patternProperties", "dependentRequired")),
}


def plain(value: Any) -> Any:
    """The example as JSON reads it: a YAML 1.1 timestamp is the string it was written as (Spectral reads YAML 1.2)."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


class Validator:
    """Ajv (allErrors off) over a schema whose `$ref`s ``resolve`` follows; ``relax`` drops readOnly ("request") or
    writeOnly ("response") properties from ``required``."""

    def __init__(self, resolve: Resolve, relax: str = "") -> None:
        self.resolve = resolve
        self.relax = {"request": "readOnly", "response": "writeOnly"}.get(relax, "")

    def errors(self, value: Any, schema: Any, doc: Any) -> list[Error]:
        """``schema`` is written in ``doc`` (its `$ref`s are relative to it)."""
        found: list[Error] = []
        self._check(value, (doc, schema), (), found, 0)
        return found

    def _deref(self, where: Where) -> Where:
        doc, schema = where
        for _ in range(_MAX_DEPTH):
            if not isinstance(schema, dict) or not isinstance(schema.get("$ref"), str):
                return doc, schema
            found = self.resolve(doc, schema["$ref"])
            if found is None:
                return doc, None
            doc, schema = found
        return doc, None

    def _check(self, value: Any, where: Where, at: Path, found: list[Error], depth: int) -> bool:
        doc, schema = self._deref(where)
        if not isinstance(schema, dict) or depth > _MAX_DEPTH:
            return True
        types = _types(schema)
        wrong = bool(types) and not any(_TYPES.get(t, lambda v: True)(value) for t in types)
        # Ajv checks a lone type with keywords of its own where it checks those keywords, after the untyped ones
        later = len(types) == 1 and not _GROUPS.get(types[0], frozenset()).isdisjoint(schema)
        if wrong and not later or not self._untyped(value, doc, schema, at, found, depth):
            found.extend([("type", at, ",".join(types))] if wrong and not later else [])
            return False
        if wrong:
            found.append(("type", at, ",".join(types)))
            return False
        return self._typed(value, doc, schema, at, found, depth)

    def _untyped(self, value: Any, doc: Any, schema: dict[str, Any], at: Path, found: list[Error], depth: int) -> bool:
        if "const" in schema and not _same(value, schema["const"]):
            found.append(("const", at, ""))
            return False
        enum = schema.get("enum")
        if isinstance(enum, list) and not any(_same(value, e) for e in enum):
            found.append(("enum", at, ""))
            return False
        if "not" in schema and self._check(value, (doc, schema["not"]), at, [], depth + 1):
            found.append(("not", at, ""))
            return False
        for key in ("anyOf", "oneOf"):
            if key in schema and not self._choice(key, value, doc, _list(schema, key), at, found, depth):
                return False
        for sub in _list(schema, "allOf"):
            if not self._check(value, (doc, sub), at, found, depth + 1):
                return False
        return True

    def _choice(self, key: str, value: Any, doc: Any, subs: list[Any], at: Path, found: list[Error],
                depth: int) -> bool:
        branch_errors: list[Error] = []
        passing = 0
        for sub in subs:
            passing += self._check(value, (doc, sub), at, branch_errors, depth + 1)
            if key == "anyOf" and passing:
                return True
        if passing == 1:
            return True
        found.extend(branch_errors if passing == 0 else ())
        found.append((key, at, "" if passing == 0 else "passing"))
        return False

    def _typed(self, value: Any, doc: Any, schema: dict[str, Any], at: Path, found: list[Error], depth: int) -> bool:
        problem: Error | None = None
        if isinstance(value, str):
            problem = _string(value, schema, at)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            problem = _number(value, schema, at)
        elif isinstance(value, list):
            return self._array(value, doc, schema, at, found, depth)
        elif isinstance(value, dict):
            return self._object(value, doc, schema, at, found, depth)
        if problem:
            found.append(problem)
        return problem is None

    def _array(self, value: list[Any], doc: Any, schema: dict[str, Any], at: Path, found: list[Error],
               depth: int) -> bool:
        hi, lo = _bound(schema, "maxItems", len(value) + 1), _bound(schema, "minItems", 0)
        if not lo <= len(value) < hi:
            found.append(("maxItems" if len(value) >= hi else "minItems", at, ""))
            return False
        if schema.get("uniqueItems") is True and any(_same(a, b) for i, a in enumerate(value) for b in value[:i]):
            found.append(("uniqueItems", at, ""))
            return False
        items = schema.get("items")
        if isinstance(items, dict):
            for i, item in enumerate(value):
                if not self._check(item, (doc, items), (*at, str(i)), found, depth + 1):
                    return False
        return True

    def _object(self, value: dict[str, Any], doc: Any, schema: dict[str, Any], at: Path, found: list[Error],
                depth: int) -> bool:
        props = schema.get("properties")
        props = props if isinstance(props, dict) else {}
        for name in _list(schema, "required"):
            if isinstance(name, str) and name not in value and not self._relaxed(doc, props.get(name)):
                found.append(("required", at, name))
                return False
        extra = schema.get("additionalProperties")
        for name, item in value.items():
            if name in props or _pattern_property(schema, name):
                continue
            if extra is False:
                found.append(("additionalProperties", at, name))
                return False
            if isinstance(extra, dict) and not self._check(item, (doc, extra), (*at, name), found, depth + 1):
                return False
        for name, sub in props.items():
            if name in value and not self._check(value[name], (doc, sub), (*at, str(name)), found, depth + 1):
                return False
        return True

    def _relaxed(self, doc: Any, prop: Any) -> bool:
        prop = self._deref((doc, prop))[1]
        return bool(self.relax) and isinstance(prop, dict) and prop.get(self.relax) is True


def _types(schema: dict[str, Any]) -> list[str]:
    t = schema.get("type")
    types = [t] if isinstance(t, str) else [x for x in t if isinstance(x, str)] if isinstance(t, list) else []
    if types and schema.get("nullable") is True:
        types.append("null")
    return types


def _list(schema: dict[str, Any], key: str) -> list[Any]:
    value = schema.get(key)
    return value if isinstance(value, list) else []


def _bound(schema: dict[str, Any], key: str, default: float) -> float:
    """A numeric bound (``maxItems`` as an exclusive upper bound: the count plus one), or ``default``."""
    value = schema.get(key)
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return default
    return float(value) + 1 if key.startswith("max") else float(value)


def _num(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _pattern_property(schema: dict[str, Any], name: str) -> bool:
    patterns = schema.get("patternProperties")
    return isinstance(patterns, dict) and any(js_regex(p) and re.search(p, name) for p in patterns)


def _string(value: str, schema: dict[str, Any], at: Path) -> Error | None:
    if len(value) >= _bound(schema, "maxLength", len(value) + 1):
        return ("maxLength", at, "")
    if len(value) < _bound(schema, "minLength", 0):
        return ("minLength", at, "")
    pattern = schema.get("pattern")
    if isinstance(pattern, str) and js_regex(pattern) and not re.search(pattern, value):
        return ("pattern", at, pattern)
    fmt = schema.get("format")
    return ("format", at, fmt) if isinstance(fmt, str) and not check_format(fmt, value) else None


def _number(value: float, schema: dict[str, Any], at: Path) -> Error | None:
    for key, fails in (("maximum", lambda b: value > b or (schema.get("exclusiveMaximum") is True and value == b)),
                       ("minimum", lambda b: value < b or (schema.get("exclusiveMinimum") is True and value == b)),
                       ("exclusiveMaximum", lambda b: value >= b), ("exclusiveMinimum", lambda b: value <= b),
                       ("multipleOf", lambda b: b > 0 and not float(value / b).is_integer())):
        bound = schema.get(key)
        if _num(bound) and fails(bound):
            return (key, at, str(bound))
    fmt = schema.get("format")
    return ("format", at, fmt) if isinstance(fmt, str) and not check_format(fmt, value) else None


def _same(a: Any, b: Any) -> bool:
    """JSON equality: 1 == 1.0, 1 != true."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if _num(a) and _num(b):
        return bool(a == b)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and bool(a == b)


def pruned(errors: list[Error]) -> list[Error]:
    """better-ajv-errors' choice: at a place with an anyOf error and errors below it, only those below; a place with
    only enum errors gives one, and none when a sibling place has errors; then each distinct error once."""
    at_place: dict[Path, list[Error]] = {}
    for error in errors:
        at_place.setdefault(error[1], []).append(error)
    result: list[Error] = []
    for place, here in at_place.items():
        below = any(p[:len(place)] == place and len(p) > len(place) for p in at_place)
        if below and any(e[0] == "anyOf" for e in here):
            continue
        if all(e[0] == "enum" for e in here):
            siblings = [p for p in at_place if p != place and len(p) == len(place) and p[:-1] == place[:-1]]
            if place and siblings:
                continue
            here = here[:1]
        result.extend(e for e in here if e not in result)
    return result
