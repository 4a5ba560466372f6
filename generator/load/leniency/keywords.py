"""Repairs to schema keywords: empty enums, the other OpenAPI version's bounds, const, nullable and examples, and
YAML 1.1 booleans in string enums."""

from __future__ import annotations

import re
from typing import Any

from generator.load.document import Document
from generator.load.leniency.finding import Entry, Finding, Fix, Source, pointer_of
from generator.load.leniency.structure import del_key
from generator.load.positions import locate

#: the keywords this family looks at: a schema with none of them is skipped
KEYWORDS = frozenset(("enum", "exclusiveMinimum", "exclusiveMaximum", "const", "nullable", "examples"))

# YAML 1.1 booleans that YAML 1.2 (and JSON Schema authors) read as strings; true/false are booleans in both
_YAML11_WORDS = frozenset(("yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y",
                           "n", "N"))
_SCALAR_END = re.compile(r"\s*(?:[,\]}#\n]|$)")


def keyword_findings(schema: dict[Any, Any], entry: Entry | None, v30: bool, yaml_source: bool, found: list[Finding],
                     nullable: bool) -> None:
    """Append the findings of one schema's keywords to ``found`` (SF068 only when ``nullable``)."""
    _enum(schema, entry, yaml_source, found)
    if "exclusiveMinimum" in schema or "exclusiveMaximum" in schema:
        _bounds(schema, entry, v30, found)
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


def _enum(schema: dict[Any, Any], entry: Entry | None, yaml_source: bool, found: list[Finding]) -> None:
    enum = schema.get("enum")
    if type(enum) is not list:
        return
    if not enum:
        found.append(Finding("SF060", "`enum: []` allows no value; read as no enum", (entry, "enum"),
                             del_key(schema, "enum")))
    elif yaml_source and _string_typed(schema, enum):
        for i, value in enumerate(enum):
            if type(value) is bool:
                found.append(_yaml11_entry(enum, i, value, ((entry, "enum"), i)))


def _string_typed(schema: dict[Any, Any], enum: list[Any]) -> bool:
    t = schema.get("type")
    if t == "string" or (type(t) is list and "string" in t and "boolean" not in t):
        return True
    return t is None and any(type(v) is str for v in enum) and all(type(v) in (str, bool) for v in enum)


def _bounds(schema: dict[Any, Any], entry: Entry | None, v30: bool, found: list[Finding]) -> None:
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


def _examples_to_list(schema: dict[Any, Any], examples: dict[Any, Any]) -> Fix:
    def fix(_source: Source) -> None:
        schema["examples"] = [e["value"] if type(e) is dict and "value" in e else e for e in examples.values()]

    return fix


def _yaml11_entry(enum: list[Any], index: int, value: bool, where: Entry) -> Finding:
    def fix(source: Source) -> None:
        enum[index] = _source_scalar(*source(pointer_of(where))) or ("true" if enum[index] else "false")

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


def _bound_to_30(schema: dict[Any, Any], bound: str, plain: str) -> Fix:
    def fix(_source: Source) -> None:
        value = schema.pop(bound)
        current = schema.get(plain)
        lower = bound == "exclusiveMinimum"
        if isinstance(current, (int, float)) and (current > value if lower else current < value):
            return  # the plain bound is stricter already
        schema[plain] = value
        schema[bound] = True

    return fix


def _bound_to_31(schema: dict[Any, Any], bound: str, plain: str) -> Fix:
    def fix(_source: Source) -> None:
        flag = schema.pop(bound)
        if flag is True and isinstance(schema.get(plain), (int, float)):
            schema[bound] = schema.pop(plain)

    return fix


def _const_to_enum(schema: dict[Any, Any]) -> Fix:
    def fix(_source: Source) -> None:
        value = schema.pop("const")
        if "enum" not in schema:
            schema["enum"] = [value]

    return fix
