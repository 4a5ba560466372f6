"""The validation rules: stable IDs, default severities, fix hints, and the helpers the checks share.

IDs never change meaning once released; a retired rule keeps its number. Severities can be changed per project with
``[tool.sdkforge.validate] rules = {SF015 = "error", SF023 = "off"}``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.targets.python import naming


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str  # "error" | "warning" | "off" (reported only when configured)
    name: str
    summary: str
    hint: str


_RULES = [
    Rule("SF000", "error", "unusable-input", "the file cannot be read as an OpenAPI document (unreadable, empty, "
         "not UTF-8, not YAML/JSON, alias bomb, nested too deeply, not a mapping)", "fix the file so it parses"),
    Rule("SF001", "error", "structure", "the document does not match the OpenAPI 3.0/3.1 structure",
         "compare the object with the OpenAPI specification for this version"),
    Rule("SF002", "error", "unresolved-ref", "a `$ref` points at nothing (missing target, file or fragment)",
         "point the `$ref` at an existing component or fix the typo"),
    Rule("SF003", "error", "ref-cycle", "`$ref`s form a cycle with no object in between (pure alias cycle)",
         "make one of the `$ref`s point at a real schema/object"),
    Rule("SF004", "warning", "remote-ref", "a `$ref` to a URL: not fetched, not validated offline",
         "vendor the referenced document next to the spec and use a relative `$ref`"),
    Rule("SF005", "error", "duplicate-key", "a mapping has the same key twice (YAML keeps the last one silently)",
         "remove or rename one of the duplicated keys"),
    Rule("SF010", "error", "duplicate-operation-id", "two operations share an operationId",
         "give every operation a unique operationId"),
    Rule("SF011", "error", "path-param-undeclared", "a `{param}` in the path template has no `in: path` parameter",
         "declare the parameter with `in: path` and `required: true`"),
    Rule("SF012", "error", "path-param-not-in-template", "an `in: path` parameter does not appear in the path template",
         "add `{name}` to the path or remove/retarget the parameter"),
    Rule("SF013", "error", "path-param-not-required", "an `in: path` parameter is not `required: true`",
         "set `required: true` on the path parameter"),
    Rule("SF014", "error", "duplicate-parameter", "two parameters share name and location in one operation/path item",
         "remove one of the duplicated parameters"),
    Rule("SF015", "warning", "no-success-response", "an operation declares no success (2xx/3xx/default) response",
         "add a 2xx response describing the result"),
    Rule("SF016", "error", "invalid-status-code", "a response key is not `default`, a code 100-599 or a range 1XX-5XX",
         "use a status code such as \"200\" or a range such as \"2XX\""),
    Rule("SF017", "warning", "unquoted-status-code", "a response status code is written as a YAML number",
         "quote the status code, e.g. \"200\": (OpenAPI requires strings)"),
    Rule("SF018", "warning", "hop-by-hop-header", "a response declares a hop-by-hop header (`Transfer-Encoding`, "
         "`Connection`, `Keep-Alive`, `Upgrade`, ...): the HTTP layer sets and strips it per connection, so it is not "
         "part of the API (and a mock server that fakes it sends a response no client accepts)",
         "remove the header declaration (describe chunked or streamed responses in the description instead)"),
    Rule("SF020", "error", "invalid-default", "a property's or parameter's `default` does not match its own schema "
         "(`default: null` means no default and is not checked)",
         "change the default to a value the schema accepts"),
    Rule("SF024", "warning", "invalid-default-unused", "a `default` that does not match its schema, in a place "
         "sdkforge does not emit defaults from (component schema, array items, composition variant)",
         "move the default to the property that uses the schema, or fix it"),
    Rule("SF021", "error", "invalid-enum-value", "an `enum` entry does not match its own schema's type/format",
         "change the enum entry or the schema type"),
    Rule("SF022", "error", "invalid-const", "a `const` does not match its own schema",
         "change the const or the schema type"),
    Rule("SF023", "warning", "invalid-example", "an example does not match its schema",
         "update the example to match the schema"),
    Rule("SF025", "warning", "default-dropped", "a property's `default` that its generated field cannot hold (it does "
         "not fit the field's type, or its schema); `sdkforge generate` leaves the field without that default",
         "change the default to a value the property's schema accepts"),
    Rule("SF030", "error", "discriminator-property-missing", "a discriminator's property is missing from a variant",
         "declare the discriminator property (required, string) in every variant"),
    Rule("SF031", "error", "discriminator-mapping-unknown", "a discriminator mapping names an unknown schema",
         "point the mapping at an existing schema"),
    Rule("SF040", "error", "undefined-security-scheme", "a security requirement names an undefined scheme",
         "define the scheme under components.securitySchemes or fix the name"),
    Rule("SF050", "error", "schema-name-collision", "two schema names map to the same Python class name",
         "rename one of the schemas (or set x-sdkforge-name)"),
    Rule("SF051", "error", "property-name-collision", "two properties of one object map to the same Python name",
         "rename one of the properties"),
    Rule("SF052", "error", "operation-name-collision", "two operationIds map to the same Python method name",
         "rename one of the operationIds"),
    # lenient reading of constructs real specs get wrong but mean clearly (generator/leniency.py): the document is
    # read as the author meant it, with a warning. "off" rules report spellings sdkforge reads unambiguously and
    # widely used specs rely on (OpenAI's 3.1 document uses both); set them to "warning" to see them.
    Rule("SF060", "warning", "empty-enum", "`enum: []` (a schema no value matches) is read as no enum",
         "remove the empty `enum`, or list the allowed values"),
    Rule("SF061", "warning", "exclusive-bound-3.1-form", "a numeric `exclusiveMinimum`/`exclusiveMaximum` (OpenAPI "
         "3.1 form) in a 3.0 document is read as `minimum`/`maximum` plus the boolean flag",
         "write `minimum: N` with `exclusiveMinimum: true` in OpenAPI 3.0"),
    Rule("SF062", "off", "exclusive-bound-3.0-form", "a boolean `exclusiveMinimum`/`exclusiveMaximum` (OpenAPI 3.0 "
         "form) in a 3.1 document is read as the numeric form", "write `exclusiveMinimum: N` in OpenAPI 3.1"),
    Rule("SF063", "warning", "yaml11-boolean-enum", "a string enum entry such as `NO`, `yes` or `on` is a boolean in "
         "YAML 1.1; it is read as the string written", "quote the entry, e.g. \"NO\""),
    Rule("SF064", "warning", "no-paths", "the document has no `paths` (for example only `webhooks`): the SDK has no "
         "operations", "add `paths` with the operations the SDK should call"),
    Rule("SF065", "warning", "response-without-description", "a response has no `description` (required); an empty "
         "one is used", "add a `description` to the response"),
    Rule("SF066", "warning", "boolean-schema", "a boolean schema (`true`/`false`) where sdkforge's OpenAPI model "
         "needs an object; read as `{}` / `{not: {}}`", "write `{}` for any value, `{not: {}}` for none"),
    Rule("SF067", "warning", "const-in-3.0", "`const` in an OpenAPI 3.0 document (a 3.1 keyword) is read as a "
         "one-value `enum`", "write `enum: [value]` in OpenAPI 3.0"),
    Rule("SF068", "off", "nullable-in-3.1", "`nullable: true` (OpenAPI 3.0) in a 3.1 document is read as allowing "
         "null", "write `type: [T, \"null\"]` in OpenAPI 3.1"),
    Rule("SF069", "warning", "schema-examples-map", "a schema's `examples` is a map of Example Objects (JSON Schema wants "
         "a list); read as the list of their values", "write `examples: [value, ...]` (or `example:`) in a schema"),
    Rule("SF070", "warning", "type-yaml-null", "an unquoted `null` in a `type` list is YAML's null value; read as the "
         "type \"null\"", "quote it: `type: [string, \"null\"]`"),
]

RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}

LEVELS = ("off", "error", "warning")


def rule_table_markdown() -> str:
    lines = ["| ID | severity | name | what |", "| --- | --- | --- | --- |"]
    lines += [f"| {r.id} | {r.severity} | {r.name} | {r.summary} |" for r in _RULES]
    return "\n".join(lines)


# --- hop-by-hop response headers (SF018; also left out of the generated tests' Prism spec copy) ---------------

#: Connection-specific headers (RFC 9110 7.6.1 and RFC 9112 6.1, plus the non-standard Proxy-Connection): an
#: intermediary or the HTTP library sets or removes them, so an API cannot promise them in a response.
HOP_BY_HOP_HEADERS = frozenset(
    ("connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade")
)

_HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

KeyPath = tuple[Any, ...]  # keys from the document root to a `headers` mapping


def hop_by_hop_response_headers(data: Any) -> list[tuple[KeyPath, str]]:
    """(path to the `headers` mapping, header name) for every hop-by-hop header declared on a response, in
    operations under `paths` and `webhooks` and in `components.responses`."""
    found: list[tuple[KeyPath, str]] = []

    def response(path: KeyPath, value: Any) -> None:
        headers = value.get("headers") if isinstance(value, dict) else None
        if isinstance(headers, dict):
            found.extend((path + ("headers",), name) for name in headers if _is_hop_by_hop(name))

    if not isinstance(data, dict):
        return found
    for section in ("paths", "webhooks"):
        items = data.get(section)
        for key, item in items.items() if isinstance(items, dict) else ():
            for method in _HTTP_METHODS:
                op = item.get(method) if isinstance(item, dict) else None
                responses = op.get("responses") if isinstance(op, dict) else None
                for status, value in responses.items() if isinstance(responses, dict) else ():
                    response((section, key, method, "responses", status), value)
    components = data.get("components")
    responses = components.get("responses") if isinstance(components, dict) else None
    for name, value in responses.items() if isinstance(responses, dict) else ():
        response(("components", "responses", name), value)
    return found


def _is_hop_by_hop(name: Any) -> bool:
    return isinstance(name, str) and name.lower() in HOP_BY_HOP_HEADERS


# --- names as Python sees them: the generator's own rules, so a reported collision is one it would hit ------------

attr_namer: Callable[[str], str] = naming.field_name
class_namer: Callable[[str], str] = naming.class_name
method_namer: Callable[[str], str] = naming.method_name


# --- values against their own schema --------------------------------------------------------------------------

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
        problem = self._check_type(value, schema)
        if problem:
            return problem
        if not skip_enum:
            enum = schema.get("enum")
            if isinstance(enum, list) and enum and not any(_same(value, e) for e in enum):
                return f"{_fmt(value)} is not one of the enum values {_fmt(enum)}"
        if "const" in schema and not _same(value, schema["const"]):
            return f"{_fmt(value)} is not the const {_fmt(schema['const'])}"
        problem = self._check_details(value, schema, depth)
        if problem:
            return problem
        for key in ("allOf",):
            for sub in schema.get(key) or ():
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

    def _check_type(self, value: Any, schema: dict[str, Any]) -> str | None:
        t = schema.get("type")
        types = t if isinstance(t, list) else [t] if isinstance(t, str) else []
        if not types:
            return None
        for name in types:
            check = _TYPE_CHECK.get(name)
            if check is None or check(value):
                return None
        if value is None:
            return "null is not allowed (the schema is not nullable)"
        return f"{_fmt(value)} is not of type {'/'.join(map(str, types))}"

    def _check_details(self, value: Any, schema: dict[str, Any], depth: int) -> str | None:
        fmt = schema.get("format")
        if isinstance(value, str):
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
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            if isinstance(value, float) and not math.isfinite(value):
                return None
            if fmt in _INT_RANGES and isinstance(value, int):
                low, high = _INT_RANGES[fmt]
                if not low <= value <= high:
                    return f"{value} is out of range for {fmt}"
            problem = _check_bounds(value, schema, self.openapi30)
            if problem:
                return problem
        elif isinstance(value, list):
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
        elif isinstance(value, dict):
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


def _has_composition(schema: dict[str, Any]) -> bool:
    return any(k in schema for k in ("allOf", "anyOf", "oneOf", "patternProperties"))


def _check_bounds(value: float, schema: dict[str, Any], openapi30: bool) -> str | None:
    minimum, maximum = schema.get("minimum"), schema.get("maximum")
    ex_min, ex_max = schema.get("exclusiveMinimum"), schema.get("exclusiveMaximum")
    num = (int, float)
    if isinstance(minimum, num) and not isinstance(minimum, bool):
        if value < minimum or (ex_min is True and value == minimum):
            return f"{value} is below the minimum {minimum}"
    if isinstance(maximum, num) and not isinstance(maximum, bool):
        if value > maximum or (ex_max is True and value == maximum):
            return f"{value} is above the maximum {maximum}"
    if isinstance(ex_min, num) and not isinstance(ex_min, bool) and value <= ex_min:
        return f"{value} is not above the exclusiveMinimum {ex_min}"
    if isinstance(ex_max, num) and not isinstance(ex_max, bool) and value >= ex_max:
        return f"{value} is not below the exclusiveMaximum {ex_max}"
    return None

