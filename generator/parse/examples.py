"""Example values built from schemas: request arguments for generated tests and docs, response bodies for mocks.

The spec's own ``example`` / ``examples`` win when present; otherwise a value is built that satisfies the schema
(enum, const, format, length and range bounds), so a validating mock server such as Prism accepts it.
"""

from __future__ import annotations

import datetime
import json
import math
import re
from collections.abc import Callable
from typing import Any, Protocol

from generator.validate.style.example_formats import check_format

try:  # Python 3.11+
    import re._parser as _regex_parser  # type: ignore[import-not-found]  # (typeshed's Python 3.10 has no such module)
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _regex_parser  # type: ignore[no-redef]

from generator.model import FILE_EXAMPLE
from generator.parse.predicates import is_ref, is_trivial, plain, types

_FORMAT_EXAMPLES = {
    "date-time": "2024-01-01T00:00:00Z",
    "date": "2024-01-01",
    "time": "00:00:00Z",
    "duration": "P1D",  # ISO 8601, as ajv-formats (Prism) checks it (vault: 422 "must match format duration")
    "uuid": "123e4567-e89b-12d3-a456-426614174000",
    "email": "user@example.com",
    "uri": "https://example.com",
    "url": "https://example.com",
    "ipv4": "127.0.0.1",
    "ipv6": "::1",
    "byte": "c3RyaW5n",  # base64 of "string"
}
_MAX_DEPTH = 6  # past it, an object example carries its required properties only
_REQUIRED_DEPTH = 30  # a chain of required properties this deep ends in None

SCALARS = frozenset({"string", "integer", "number", "boolean"})


class Reading(Protocol):
    reads: set[str]  # what the running unit of the parse read (units.py)


class ExampleBuilder:
    def __init__(self, resolve: Callable[[Any, str], tuple[Any, str]], reading: Reading) -> None:
        self._resolve = resolve
        self._reading = reading
        self._building: set[int] = set()  # past _MAX_DEPTH: the objects whose example is being built
        # (id(schema), depth, full) -> (the schema, kept alive so that its id is not reused; its example; what
        # building it read, which a later unit of the parse taking it reads too)
        self._made: dict[tuple[int, int, bool], tuple[Any, Any, frozenset[str]]] = {}

    def value(self, schema: Any, pointer: str, *, explicit: Any = None, depth: int = 0, full: bool = False) -> Any:
        """An example of ``schema`` (``explicit`` when given). Up to _MAX_DEPTH it depends on the schema, the depth
        and ``full`` alone (no object is being built yet), so a schema many operations share is built once; callers
        copy what they keep (example_data, json.dumps), never change it."""
        if explicit is not None:
            return jsonable(explicit)
        if schema is None or depth > _REQUIRED_DEPTH:
            return None
        schema, pointer = self._resolve(schema, pointer)
        if depth > _MAX_DEPTH:
            return self._value(schema, pointer, depth, full)
        key = (id(schema), depth, full)
        made = self._made.get(key)
        if made is None:
            outer = self._reading.reads
            self._reading.reads = set()
            try:
                value = self._value(schema, pointer, depth, full)
            finally:
                read, self._reading.reads = self._reading.reads, outer
                outer |= read
            made = self._made[key] = (schema, value, frozenset(read))
        else:
            self._reading.reads |= made[2]
        return made[1]

    def _value(self, schema: Any, pointer: str, depth: int, full: bool) -> Any:
        """``value`` of a resolved schema."""
        own = self._own_example(schema)
        if own is not None and _in_format(schema, own):  # else a synthesized value, one a server accepts
            return jsonable(own)
        if "const" in schema.model_fields_set:
            return jsonable(schema.const)
        if schema.enum:
            return jsonable(next((v for v in schema.enum if v is not None), None))
        for key in ("oneOf", "anyOf"):
            if schema.properties and _required_sets(schema):
                break  # required-property alternatives of one object, built below
            variants = [v for v in (getattr(schema, key) or []) if not _is_null(v, self._resolve)]
            own = types(schema)  # a type beside the variants: only the variants of that type can be met
            variants = [v for v in variants if not own or types(self._resolve(v, "")[0]) & own] or variants
            if variants and not all(is_trivial(v) for v in variants):  # notes only: the schema's own type
                # the most specific variant (an enum or object) makes the better example
                ranked = sorted(variants, key=lambda v: -_specificity(v, self._resolve))
                value = self.value(ranked[0], pointer, depth=depth + 1, full=full)
                return self._tagged(self._with_required(value, schema, ranked[0], pointer, depth, full), schema, ranked[0])
        scalar_part = self._scalar_part(schema)
        if scalar_part is not None:  # ``allOf: [{$ref: id}, {type: string, description: ...}]`` is that string
            return self.value(scalar_part, pointer + "/allOf", depth=depth + 1, full=full)
        if (schema.allOf or schema.properties) and depth > _MAX_DEPTH:
            if id(schema) in self._building:
                return None  # a cycle of required properties: no finite example exists
            self._building.add(id(schema))
            try:
                return self._object(schema, pointer, depth, full)
            finally:
                self._building.discard(id(schema))
        if schema.allOf or schema.properties:
            return self._object(schema, pointer, depth, full)
        kinds = types(schema)
        if "object" in kinds:
            return {}
        if "array" in kinds:
            item = self.value(schema.items, pointer + "/items", depth=depth + 1, full=full)
            count = max(1, schema.minItems or 0)
            return [item] * count if item is not None else []
        if "string" in kinds:
            return _string(schema)
        if "integer" in kinds:
            return int(_number(schema, 1))
        if "number" in kinds:
            return float(_number(schema, 1.0))
        if "boolean" in kinds:
            return True
        # a schema that allows any JSON value (``{}``) gets an object; only ``type: "null"`` has no other example
        return None if schema.type is not None or getattr(schema, "schema_not", None) is not None else {}

    def _scalar_part(self, schema: Any) -> Any:
        """The allOf part an allOf without objects is: its first part that says what it is; with objects, the first
        scalar part, which is what the SDK types such an allOf as (``schemas._all_of``). None for an object."""
        if schema.properties or not schema.allOf or "object" in types(schema):
            return None
        parts = [self._resolve(part, "")[0] for part in schema.allOf]
        if any(p.properties or p.allOf or "object" in types(p) or "array" in types(p) for p in parts):
            return next((p for p in parts if types(p) & SCALARS and not p.properties and not p.allOf), None)
        if not any(types(p) or p.enum or "const" in p.model_fields_set or p.pattern for p in parts):
            return None
        # every part applies (``allOf: [{type: string}, {$ref: id}]`` with the id's pattern): one schema of them all,
        # the first part's keyword where two disagree (the part the SDK types the allOf as)
        merged = {k: getattr(p, k) for p in reversed(parts) for k in p.model_fields_set if k not in ("allOf", "description")}
        return parts[0].model_copy(update=merged)

    def _with_required(self, value: Any, schema: Any, variant: Any, pointer: str, depth: int, full: bool) -> Any:
        """A variant's object example carrying the names that the union itself requires (``required`` beside an
        ``anyOf`` / ``oneOf`` of objects), built from the variant's properties (the union's own, else)."""
        missing = [n for n in schema.required or [] if isinstance(value, dict) and n not in value]
        if not missing:
            return value
        properties: dict[str, Any] = dict(schema.properties or {})
        self._merge(self._resolve(variant, "")[0], "", properties, set(), set())
        built = {name: self.value(properties[name], f"{pointer}/properties/{name}", depth=depth + 1, full=full)
                 if name in properties else {} for name in missing}
        return {**value, **built}

    def _object(self, schema: Any, pointer: str, depth: int, full: bool) -> dict[str, Any]:
        full = full and depth < _MAX_DEPTH
        properties: dict[str, Any] = {}
        required: set[str] = set()
        self._merge(schema, pointer, properties, required, set())
        out: dict[str, Any] = {name: {} for name in sorted(required - properties.keys())}  # required, undeclared
        at_least = schema.minProperties or 0  # optional properties fill up to it, in order
        for name, prop in properties.items():
            if name in required or full or len(out) + len(required - out.keys()) < at_least:
                value = self.value(prop, f"{pointer}/properties/{name}", depth=depth + 1, full=full)
                if value is not None or name in required:
                    out[name] = value
        return out

    def _tagged(self, value: Any, schema: Any, variant: Any) -> Any:
        """An object example of a discriminated union's variant, carrying the discriminator's value for that variant
        when the variant's own schema did not set it (Prism cannot tell the variants apart without it): its mapping
        key, else the variant's own enum or const for the property, else the schema's name."""
        found = schema.discriminator
        name = found.propertyName if found is not None else None
        if not isinstance(value, dict) or not name or name in value or not is_ref(variant):
            return value
        tag = next((key for key, ref in (found.mapping or {}).items() if ref == variant.ref), None)
        if tag is None:
            properties: dict[str, Any] = {}
            self._merge(self._resolve(variant, "")[0], "", properties, set(), set())
            prop = self._resolve(properties[name], "")[0] if name in properties else None
            pinned = [prop.const] if prop is not None and "const" in prop.model_fields_set else (prop.enum if prop else [])
            tag = next((v for v in pinned or [] if v is not None), variant.ref.rsplit("/", 1)[-1])
        return {**value, name: tag}

    def _own_example(self, schema: Any) -> Any:
        """The schema's own example, unless it visibly contradicts the schema (real specs have such examples)."""
        candidate = getattr(schema, "example", None)
        if candidate is None:
            examples = getattr(schema, "examples", None)
            candidate = examples[0] if isinstance(examples, list) and examples else None
        return None if candidate is None or self._contradicts(schema, candidate, 0) else candidate

    def _contradicts(self, schema: Any, value: Any, depth: int) -> bool:
        """Whether ``value`` is visibly not of the schema's type (of none of its anyOf/oneOf variants), or holds a
        property, map value or item that is not, a few levels deep."""
        if depth > 4 or schema is None or isinstance(schema, bool):
            return False
        schema = self._resolve(schema, "")[0]
        variants = schema.anyOf or schema.oneOf
        if variants:
            return all(self._contradicts(v, value, depth + 1) for v in variants)
        allowed = tuple(t for kind in types(schema) for t in _JSON_KINDS.get(kind, ()))
        if allowed and (not isinstance(value, allowed) or (isinstance(value, bool) and bool not in allowed)):
            return True
        if isinstance(value, dict):
            properties, extra = schema.properties or {}, schema.additionalProperties
            return any(self._contradicts(properties.get(key, extra), item, depth + 1) for key, item in value.items())
        if isinstance(value, list):
            return any(self._contradicts(schema.items, item, depth + 1) for item in value)
        return False

    def _merge(self, schema: Any, pointer: str, properties: dict[str, Any], required: set[str], seen: set[int]) -> None:
        """The properties and required names of ``schema`` and of its allOf parts, theirs too (later parts win), with
        the first of each anyOf/oneOf set of required names."""
        if id(schema) in seen:
            return
        seen.add(id(schema))
        for part in schema.allOf or []:
            self._merge(self._resolve(part, pointer)[0], pointer, properties, required, seen)
        properties.update(schema.properties or {})
        required |= set(schema.required or [])
        required |= set(next(iter(_required_sets(schema)), []))

    def response_json(self, media: Any, pointer: str) -> str:
        """JSON text of an example response body: the media example, else one built with every property."""
        value = media.example if media.example is not None else None
        if value is None and media.examples:
            first = next(iter(media.examples.values()))
            value = getattr(first, "value", None)
        if value is None or not self._complete(media.media_type_schema, value, pointer):
            value = self.value(media.media_type_schema, pointer + "/schema", full=True)
        return json.dumps(jsonable(value), sort_keys=True)

    def _complete(self, schema: Any, value: Any, pointer: str) -> bool:
        """Whether an explicit example carries every required property (Prism rejects incomplete ones)."""
        if schema is None:
            return True
        resolved, _ = self._resolve(schema, pointer)
        required = set(resolved.required or [])
        return not required or (isinstance(value, dict) and required <= set(value))


def example_data(value: Any) -> Any:
    """An example value as plain JSON data (uploads and binary bodies stay as they are)."""
    if value is None or isinstance(value, bytes) or value == FILE_EXAMPLE or value == [FILE_EXAMPLE]:
        return value
    return json.loads(json.dumps(jsonable(value)))


def jsonable(value: Any) -> Any:
    """YAML turns unquoted dates into ``date`` objects; examples must stay plain JSON data."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value


_JSON_KINDS = {"string": (str,), "integer": (int,), "number": (int, float), "boolean": (bool,), "object": (dict,), "array": (list,)}


def _required_sets(schema: Any) -> list[list[str]]:
    from generator.parse.predicates import required_sets

    return required_sets(schema)


ROUTE_SEGMENT = re.compile(r"[A-Za-z0-9._~-]+")  # unreserved characters: sent as written, one path segment


def route_default(default: Any, example: Any) -> str | None:
    """A path parameter's default where its schema has no example: the value its tests send, as it names the route
    a server serves unless told otherwise (vault's mount paths, ``approle``: templates that differ only there would
    otherwise get one request); the Prism copy writes it into the template (``mock_spec.routes``)."""
    if example is None and isinstance(default, str) and ROUTE_SEGMENT.fullmatch(default):
        return default
    return None


def _in_format(schema: Any, value: Any) -> bool:
    """False for a string or number that breaks the schema's ``format`` (the spec's own example can: a uuid of 31 hex
    digits), which Prism and a strict server answer with 400 or 422."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)) or not schema.schema_format:
        return True
    return check_format(schema.schema_format, value)


def _is_null(schema: Any, resolve: Callable[[Any, str], tuple[Any, str]]) -> bool:
    resolved, _ = resolve(schema, "")
    raw = resolved.type
    return plain(raw) == "null" or (isinstance(raw, list) and [plain(v) for v in raw] == ["null"])


def _specificity(schema: Any, resolve: Callable[[Any, str], tuple[Any, str]]) -> int:
    resolved, _ = resolve(schema, "")
    if resolved.enum or "const" in resolved.model_fields_set:
        return 3
    if resolved.properties or resolved.allOf:
        return 2
    return 1


def _string(schema: Any) -> str:
    fmt = schema.schema_format or ""
    low, high = schema.minLength or 0, schema.maxLength
    if fmt in _FORMAT_EXAMPLES and low <= len(_FORMAT_EXAMPLES[fmt]) <= (high if high is not None else math.inf):
        return _FORMAT_EXAMPLES[fmt]  # (a uuid with maxLength 24, as real specs have, gets a string of its length)
    if schema.pattern:
        return _matching(schema.pattern)
    text = "string"
    if len(text) < low:
        text = text + "x" * (low - len(text))
    if high is not None:
        text = text[:high]
    return text


def _matching(pattern: str) -> str:
    """A short string that ``pattern`` matches (``^adr_[a-z0-9]+$`` -> ``adr_a``); "" when none is found."""
    try:
        parsed = _regex_parser.parse(pattern)
        # the shortest match first; an empty one is a poor example (and no path segment): then one of each repeat
        for text in (_from_regex(parsed), _from_regex(parsed, grow=True)):
            if text and re.search(pattern, text):
                return text
        return ""
    except (re.error, RecursionError, ValueError, TypeError, IndexError, OverflowError):
        return ""


def _from_regex(items: Any, grow: bool = False) -> str:
    """Walk a parsed regular expression, taking the first alternative and the fewest repetitions of each part."""
    out: list[str] = []
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(arg))
        elif name == "IN":
            out.append(_class_member(arg))
        elif name == "ANY":
            out.append("a")
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, _high, sub = arg
            out.append(_from_regex(sub, grow) * (max(low, 1) if grow else low))
        elif name == "SUBPATTERN":
            out.append(_from_regex(arg[-1], grow))
        elif name == "BRANCH":
            out.append(_from_regex(arg[1][0], grow))
        elif name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        else:
            raise ValueError(name)
    return "".join(out)


def _class_member(items: Any) -> str:
    if items and str(items[0][0]) == "NEGATE":
        return next(c for c in "aA0_-" if not re.fullmatch(_regex_class_source(items[1:]), c))
    op, arg = items[0]
    name = str(op)
    if name == "LITERAL":
        return chr(arg)
    if name == "RANGE":
        return chr(arg[0])
    if name == "CATEGORY":
        return {"CATEGORY_DIGIT": "0", "CATEGORY_SPACE": " ", "CATEGORY_WORD": "a"}.get(str(arg), "a")
    raise ValueError(name)


def _regex_class_source(items: Any) -> str:
    parts = []
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            parts.append(re.escape(chr(arg)))
        elif name == "RANGE":
            parts.append(f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}")
        elif name == "CATEGORY":
            parts.append({"CATEGORY_DIGIT": r"\d", "CATEGORY_SPACE": r"\s", "CATEGORY_WORD": r"\w"}.get(str(arg), ""))
    return "[" + "".join(parts) + "]" if parts else "[^\\s\\S]"


def _number(schema: Any, fallback: float) -> float:
    """``fallback`` moved into the schema's bounds (3.0 boolean and 3.1 numeric exclusive ones), then onto a
    multiple of ``multipleOf`` inside them."""
    low = _bound(schema.minimum, schema.exclusiveMinimum, 1)
    high = _bound(schema.maximum, schema.exclusiveMaximum, -1)
    value = fallback
    if low is not None and value < low:
        value = low
    if high is not None and value > high:
        value = high
    step = schema.multipleOf
    if _is_number(step) and step > 0 and not float(value / step).is_integer():
        value = math.ceil(value / step) * step
        if high is not None and value > high:
            value -= step
    return value


def _bound(inclusive: Any, exclusive: Any, inward: int) -> float | None:
    if _is_number(exclusive):  # 3.1: the exclusive bound itself
        return exclusive + inward  # type: ignore[no-any-return]
    if inclusive is not None and exclusive is True:  # 3.0: a flag on minimum / maximum
        return inclusive + inward  # type: ignore[no-any-return]
    return inclusive  # type: ignore[no-any-return]


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
