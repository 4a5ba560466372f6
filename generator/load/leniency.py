"""Normalise what real specs get wrong but mean clearly, before openapi-pydantic parses the document.

``findings(doc)`` walks the loaded data once and returns one ``Finding`` per sloppy construct: a rule id, a message,
the JSON pointer and a ``fix`` that rewrites the data in place. The caller locates and reports the findings (their
level comes from the validate rules, so a finding can be turned off or into an error) and then applies every fix,
so positions are read from the data as the author wrote it. Nothing here raises: what cannot be understood is left
for the structural parse to refuse.

Handled (rule ids in ``rules.py``):

* SF017 a status code read by YAML as a number (``200:``) becomes the string "200";
* SF060 ``enum: []`` is no enum;
* SF061 a numeric ``exclusiveMinimum`` / ``exclusiveMaximum`` (3.1 form) in a 3.0 document becomes ``minimum`` plus
  ``exclusiveMinimum: true``; SF062 the boolean 3.0 form in a 3.1 document becomes the numeric form;
* SF063 a YAML 1.1 boolean (``NO``, ``yes``, ``on``...) in a string enum becomes the text the author wrote;
* SF064 no ``paths`` (3.0, or 3.1 with webhooks): a 3.0 document gets an empty one; the SDK has no operations;
* SF065 a response without ``description`` gets an empty one;
* SF066 a boolean schema where an object is expected (``items: true``, ``unevaluatedProperties: false``) becomes
  ``{}`` or ``{not: {}}``;
* SF067 ``const`` in a 3.0 document becomes a one-value ``enum``;
* SF068 ``nullable: true`` in a 3.1 document is reported (sdkforge reads it as before; off by default);
* SF069 a schema's ``examples`` written as a map of Example Objects becomes the list of their values;
* SF070 an unquoted ``null`` in a ``type`` list (YAML's null) is read as the type ``"null"``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.load.document import Document, escape_token, locate

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# schema keywords whose value is one schema (a boolean schema is valid JSON Schema, but openapi-pydantic wants a dict;
# additionalProperties accepts a boolean there and is left alone)
_SCHEMA_CHILD = ("items", "not", "contains", "propertyNames", "if", "then", "else", "unevaluatedItems",
                 "unevaluatedProperties", "additionalItems", "contentSchema")
_SCHEMA_MAP = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SCHEMA_LIST = ("allOf", "anyOf", "oneOf", "prefixItems")
_SKIP = frozenset(("example", "examples", "default", "enum", "const", "x-examples"))
# YAML 1.1 booleans that YAML 1.2 (and JSON Schema authors) read as strings; true/false are booleans in both
_YAML11_WORDS = frozenset(("yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y",
                           "n", "N"))
_SCALAR_END = re.compile(r"\s*(?:[,\]}#\n]|$)")

_GEN, _SCHEMA, _SCHEMAMAP, _SCHEMALIST, _CODES, _RESPONSES, _RESPONSE = range(7)

Entry = tuple[Any, ...]  # (parent entry or None, key): a pointer built only when a finding needs it


@dataclass(frozen=True)
class Finding:
    rule: str
    message: str
    where: Entry | None  # the place; its JSON pointer is built only for a finding that is shown
    fix: Callable[[Document], None] | None = None

    @property
    def pointer(self) -> str:
        return pointer_of(self.where)


def pointer_of(entry: Entry | None) -> str:
    """The JSON pointer of a place the scan recorded."""
    parts: list[str] = []
    while entry is not None:
        entry, key = entry
        parts.append(escape_token(key))
    return "".join("/" + p for p in reversed(parts))


@dataclass
class Scan:
    """What one walk of the document found: the findings, and for the semantic checks that follow every `$ref`
    (value, entry, in a schema?) and every schema with a default, enum, const or discriminator (schema, entry)."""

    findings: list[Finding]
    refs: list[tuple[Any, Entry | None, bool]]
    value_schemas: list[tuple[dict[Any, Any], Entry | None]]


_SCHEMA_KIDS: dict[Any, int] = {
    **{k: _SCHEMA for k in _SCHEMA_CHILD}, "additionalProperties": _SCHEMA,
    **{k: _SCHEMAMAP for k in _SCHEMA_MAP}, **{k: _SCHEMALIST for k in _SCHEMA_LIST},
}
_LENIENT_KEYS = frozenset(("enum", "exclusiveMinimum", "exclusiveMaximum", "const", "nullable", "examples"))
_VALUE_KEYS = frozenset(("default", "enum", "const", "discriminator"))
_COMPONENTS = (None, "components")
# keys of a non-schema object with a walk of their own (examples and a response map's `default`... are data: skipped)
_GEN_KEYS: dict[str, int] = {"schema": _SCHEMA, "schemas": _SCHEMAMAP, "responses": _RESPONSES, "example": -1,
                             "examples": -1, "default": -1}
_SPECIAL_KEYS = _LENIENT_KEYS | _VALUE_KEYS | {"$ref"}
# schema keywords holding data, or lists of names, with no schema or `$ref` inside: not walked
_SCHEMA_SKIP = _SKIP | {"required", "type", "externalDocs", "xml"}


def findings(doc: Document) -> list[Finding]:
    return scan(doc).findings


def scan(doc: Document, off: frozenset[str] | set[str] = frozenset()) -> Scan:
    """One walk of ``doc.data``; findings of the rules in ``off`` that fix nothing (SF068) are not collected."""
    data = doc.data
    version = data.get("openapi", "")
    version = str(version) if isinstance(version, (str, int, float)) else ""  # str() of a deep list would recurse
    v30, v31 = version.startswith("3.0"), version.startswith("3.1")
    result = Scan([], [], [])
    if not (v30 or v31):
        return result  # the parse refuses the version; nothing to be lenient about
    found, refs, value_schemas = result.findings, result.refs, result.value_schemas
    if "paths" not in data and (v30 or "webhooks" in data):  # a 3.1 document of components only is a library
        hooks = data.get("webhooks")
        extra = f"; its {len(hooks)} webhook(s) are not generated" if isinstance(hooks, dict) and hooks else ""
        fix = _set_key(data, "paths", {}) if v30 else None
        found.append(Finding("SF064", f"the document has no `paths`: the SDK has no operations{extra}", None, fix))
    yaml_source = doc.path.suffix.lower() != ".json"
    nullable = "SF068" not in off
    aliases = "*" in doc.text and "&" in doc.text  # YAML anchors: containers may be shared, visit each once
    seen: set[int] = set()
    stack: list[tuple[Any, int, Entry | None]] = [(data, _GEN, None)]
    pop, push = stack.pop, stack.append
    while stack:
        obj, kind, entry = pop()
        if type(obj) is list:
            if kind == _SCHEMALIST:
                for i, value in enumerate(obj):
                    if type(value) is dict:
                        push((value, _SCHEMA, (entry, i)))
                    elif type(value) is bool:
                        found.append(_bool_schema(obj, i, value, (entry, i)))
            else:
                for i, value in enumerate(obj):
                    if type(value) is dict or type(value) is list:
                        push((value, _GEN, (entry, i)))
            continue
        if aliases:
            if id(obj) in seen:
                continue
            seen.add(id(obj))
        if kind == _SCHEMA:
            types = obj.get("type")
            if type(types) is list and None in types:  # YAML's null, unquoted in a `type` list
                found.append(Finding("SF070", "`null` (unquoted) in a `type` list is YAML's null, not the string; read "
                                     "as \"null\"", (entry, "type"),
                                     _set_key(obj, "type", ["null" if t is None else t for t in types])))
            if not _SPECIAL_KEYS.isdisjoint(obj):
                if "$ref" in obj:
                    refs.append((obj["$ref"], entry, True))
                if not _LENIENT_KEYS.isdisjoint(obj):
                    _schema(obj, entry, v30, yaml_source, found, nullable)
                if not _VALUE_KEYS.isdisjoint(obj):
                    value_schemas.append((obj, entry))
            for key, value in obj.items():
                tv = type(value)
                if tv is str:
                    continue
                if tv is dict or tv is list:
                    child = _SCHEMA_KIDS.get(key)
                    if child is not None:
                        push((value, child if tv is dict or child != _SCHEMA else _SCHEMALIST, (entry, key)))
                    elif key not in _SCHEMA_SKIP and not (type(key) is str and key.startswith("x-")):
                        push((value, _GEN, (entry, key)))
                elif tv is bool and key in _SCHEMA_CHILD:
                    found.append(_bool_schema(obj, key, value, (entry, key)))
            continue
        if kind == _SCHEMAMAP:
            for key, value in obj.items():
                if type(value) is dict:
                    push((value, _SCHEMA, (entry, key)))
                elif type(value) is bool:
                    found.append(_bool_schema(obj, key, value, (entry, key)))
            continue
        if kind == _CODES:
            for code in obj:
                if type(code) is int:
                    found.append(Finding("SF017", f"status code {code} is a number, not a string; read as "
                                         f"\"{code}\"", (entry, code), _string_codes(obj)))
            kind = _RESPONSES
        if kind == _RESPONSES:
            for key, value in obj.items():
                if type(value) is dict:
                    push((value, _RESPONSE, (entry, key)))
            continue
        if "$ref" in obj:
            refs.append((obj["$ref"], entry, False))
        elif kind == _RESPONSE and "description" not in obj:
            found.append(Finding("SF065", "the response has no `description` (required); an empty one is used",
                                 entry, _set_key(obj, "description", "")))
        for key, value in obj.items():
            tv = type(value)
            if tv is not dict and tv is not list:
                if tv is bool and key == "schema":
                    found.append(_bool_schema(obj, key, value, (entry, key)))
                continue
            action = _GEN_KEYS.get(key) if type(key) is str else None
            if action is None:
                if type(key) is not str or not key.startswith("x-"):
                    push((value, _GEN, (entry, key)))
            elif action == _SCHEMA:
                push((value, _SCHEMA if tv is dict else _GEN, (entry, key)))
            elif action == _SCHEMAMAP:
                push((value, _SCHEMAMAP if entry == _COMPONENTS else _GEN, (entry, key)))
            elif action == _RESPONSES:
                if tv is dict:
                    push((value, _RESPONSES if entry == _COMPONENTS else _CODES, (entry, key)))
                else:
                    push((value, _GEN, (entry, key)))
    return result


def _schema(schema: dict[Any, Any], entry: Entry | None, v30: bool, yaml_source: bool, found: list[Finding],
            nullable: bool) -> None:
    enum = schema.get("enum")
    if type(enum) is list:
        if not enum:
            found.append(Finding("SF060", "`enum: []` allows no value; read as no enum", (entry, "enum"),
                                 _del_key(schema, "enum")))
        elif yaml_source and _string_typed(schema, enum):
            for i, value in enumerate(enum):
                if type(value) is bool:
                    found.append(_yaml11_entry(enum, i, value, ((entry, "enum"), i)))
    if "exclusiveMinimum" in schema or "exclusiveMaximum" in schema:
        for bound, plain in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
            value = schema.get(bound)
            if value is None:
                continue
            numeric = isinstance(value, (int, float)) and type(value) is not bool
            if v30 and numeric:
                found.append(Finding("SF061", f"`{bound}: {value}` is the OpenAPI 3.1 form; in 3.0 read as "
                                     f"`{plain}: {value}, {bound}: true`", (entry, bound),
                                     _bound_to_30(schema, bound, plain)))
            elif not v30 and type(value) is bool:
                found.append(Finding("SF062", f"`{bound}: {str(value).lower()}` is the OpenAPI 3.0 form; in 3.1 read "
                                     f"as `{bound}: <{plain}>`", (entry, bound),
                                     _bound_to_31(schema, bound, plain)))
    if v30 and "const" in schema:
        found.append(Finding("SF067", "`const` is not OpenAPI 3.0; read as a one-value `enum`",
                             (entry, "const"), _const_to_enum(schema)))
    examples = schema.get("examples")
    if type(examples) is dict:
        found.append(Finding("SF069", "schema `examples` is a map (the OpenAPI Example Object form); read as the list "
                             "of its values", (entry, "examples"), _examples_to_list(schema, examples)))
    if nullable and not v30 and schema.get("nullable") is True:
        found.append(Finding("SF068", "`nullable` is OpenAPI 3.0; in this 3.1 document it is read as allowing null",
                             (entry, "nullable")))


def _string_typed(schema: dict[Any, Any], enum: list[Any]) -> bool:
    t = schema.get("type")
    if t == "string" or (type(t) is list and "string" in t and "boolean" not in t):
        return True
    return t is None and any(type(v) is str for v in enum) and all(type(v) in (str, bool) for v in enum)


# --- fixes ------------------------------------------------------------------------------------------------------


def _set_key(obj: dict[Any, Any], key: str, value: Any) -> Callable[[Document], None]:
    def fix(_doc: Document) -> None:
        obj[key] = value

    return fix


def _examples_to_list(schema: dict[Any, Any], examples: dict[Any, Any]) -> Callable[[Document], None]:
    def fix(_doc: Document) -> None:
        schema["examples"] = [e["value"] if type(e) is dict and "value" in e else e for e in examples.values()]

    return fix


def _del_key(obj: dict[Any, Any], key: str) -> Callable[[Document], None]:
    def fix(_doc: Document) -> None:
        obj.pop(key, None)

    return fix


def _string_codes(responses: dict[Any, Any]) -> Callable[[Document], None]:
    def fix(_doc: Document) -> None:
        if any(type(code) is int for code in responses):
            items = [(str(k), v) for k, v in responses.items()]
            responses.clear()
            for key, value in items:
                responses.setdefault(key, value)  # a quoted duplicate ("200" beside 200) keeps the first

    return fix


def _bool_schema(parent: Any, key: Any, value: bool, entry: Entry) -> Finding:
    def fix(_doc: Document) -> None:
        parent[key] = {} if value else {"not": {}}

    word = "true" if value else "false"
    meaning = "any value" if value else "no value"
    return Finding("SF066", f"boolean schema `{word}` ({meaning}) read as `{{}}`" if value else
                   f"boolean schema `{word}` ({meaning}) read as `{{not: {{}}}}`", entry, fix)


def _yaml11_entry(enum: list[Any], index: int, value: bool, where: Entry) -> Finding:
    def fix(doc: Document) -> None:
        enum[index] = _source_scalar(doc, pointer_of(where)) or ("true" if enum[index] else "false")

    return Finding("SF063", f"enum entry {str(value).lower()} of a string enum is a YAML 1.1 boolean; read as the "
                   "string written (quote it)", where, fix)


def _source_scalar(doc: Document, pointer: str) -> str | None:
    """The plain scalar text at ``pointer`` as written in the YAML source (``NO``, ``yes``), or None."""
    line, column = locate(doc, pointer)
    if not line:
        return None
    lines = doc.text.splitlines()
    if line > len(lines):
        return None
    rest = lines[line - 1][column - 1 :]
    end = _SCALAR_END.search(rest)
    word = rest[: end.start()] if end else rest
    word = word.strip()
    return word if word in _YAML11_WORDS or word.lower() in ("true", "false") else None


def _bound_to_30(schema: dict[Any, Any], bound: str, plain: str) -> Callable[[Document], None]:
    def fix(_doc: Document) -> None:
        value = schema.pop(bound)
        current = schema.get(plain)
        lower = bound == "exclusiveMinimum"
        if isinstance(current, (int, float)) and (current > value if lower else current < value):
            return  # the plain bound is stricter already
        schema[plain] = value
        schema[bound] = True

    return fix


def _bound_to_31(schema: dict[Any, Any], bound: str, plain: str) -> Callable[[Document], None]:
    def fix(_doc: Document) -> None:
        flag = schema.pop(bound)
        if flag is True and isinstance(schema.get(plain), (int, float)):
            schema[bound] = schema.pop(plain)

    return fix


def _const_to_enum(schema: dict[Any, Any]) -> Callable[[Document], None]:
    def fix(_doc: Document) -> None:
        value = schema.pop("const")
        if "enum" not in schema:
            schema["enum"] = [value]

    return fix


def apply(doc: Document, found: list[Finding]) -> None:
    """Apply every finding's fix (after the findings were located: fixes change the data locate walks)."""
    for finding in sorted(found, key=lambda f: f.rule != "SF063"):  # SF063 reads the source through the data
        if finding.fix is not None:
            finding.fix(doc)
