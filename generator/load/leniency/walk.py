"""The one walk of a loaded document that collects the lenient findings, every `$ref` and every value schema."""

from __future__ import annotations

from typing import Any

from generator import pointer as json_pointer
from generator.load.document import Document
from generator.load.leniency.finding import Entry, Scan
from generator.load.leniency.keywords import KEYWORDS, keyword_findings
from generator.load.leniency.refs import local_operation_refs
from generator.load.leniency.structure import (
    bool_schema,
    no_description,
    no_paths,
    null_content,
    null_type,
    numeric_codes,
)

# schema keywords whose value is one schema (a boolean schema is valid JSON Schema, but openapi-pydantic wants a dict;
# additionalProperties accepts a boolean there and is left alone)
_SCHEMA_CHILD = ("items", "not", "contains", "propertyNames", "if", "then", "else", "unevaluatedItems",
                 "unevaluatedProperties", "additionalItems", "contentSchema")
_SCHEMA_MAP = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SCHEMA_LIST = ("allOf", "anyOf", "oneOf", "prefixItems")

_GEN, _SCHEMA, _SCHEMAMAP, _SCHEMALIST, _CODES, _RESPONSES, _RESPONSE = range(7)

_SCHEMA_KIDS: dict[Any, int] = {
    **{k: _SCHEMA for k in _SCHEMA_CHILD}, "additionalProperties": _SCHEMA,
    **{k: _SCHEMAMAP for k in _SCHEMA_MAP}, **{k: _SCHEMALIST for k in _SCHEMA_LIST},
}
_VALUE_KEYS = frozenset(("default", "enum", "const", "discriminator"))
_COMPONENTS = (None, "components")
# keys of a non-schema object with a walk of their own (examples and a response map's `default`... are data: skipped)
_GEN_KEYS: dict[str, int] = {"schema": _SCHEMA, "schemas": _SCHEMAMAP, "responses": _RESPONSES, "example": -1,
                             "examples": -1, "default": -1}
_SPECIAL_KEYS = KEYWORDS | _VALUE_KEYS | {"$ref"}
# schema keywords holding data, or lists of names, with no schema or `$ref` inside: not walked
_SCHEMA_SKIP = frozenset(("example", "examples", "default", "enum", "const", "x-examples", "required", "type",
                          "externalDocs", "xml"))


def scan(doc: Document, off: frozenset[str] | set[str] = frozenset()) -> Scan:
    """One walk of ``doc.data``; findings of the rules in ``off`` that fix nothing (SF068) are not collected."""
    data = doc.data
    version = data.get("openapi", "")
    version = str(version) if isinstance(version, (str, int, float)) else ""  # str() of a deep list would recurse
    v30, v31 = version.startswith("3.0"), version.startswith("3.1")
    result = Scan([], [], [])
    if not (v30 or v31):
        return result  # the parse refuses the version; nothing to be lenient about
    if "paths" not in data and (v30 or "webhooks" in data):  # a 3.1 document of components only is a library
        result.findings.append(no_paths(data, v30))
    _walk(doc, [(data, _GEN, None)], v30, off, result)
    result.findings.extend(local_operation_refs(data))
    return result


def scan_part(doc: Document, value: Any, pointer: str, schema: bool, version: str,
              off: frozenset[str] | set[str] = frozenset()) -> Scan:
    """The walk of ``scan`` over one part of a file that a `$ref` reaches (at ``pointer`` in ``doc``; a schema or
    not), read by the OpenAPI ``version`` of the document that refers to it: its findings are those the same part
    gives written in the root document (generate reads it bundled into the root)."""
    result = Scan([], [], [])
    if version.startswith(("3.0", "3.1")) and type(value) in (dict, list):
        entry: Entry | None = None
        for token in json_pointer.split(pointer):
            entry = (entry, token)
        kind = _SCHEMA if schema and type(value) is dict else _GEN
        _walk(doc, [(value, kind, entry)], version.startswith("3.0"), off, result)
    return result


def _walk(doc: Document, stack: list[tuple[Any, int, Entry | None]], v30: bool, off: frozenset[str] | set[str],
          result: Scan) -> None:
    """The hot loop of ``scan``, from the containers on ``stack``."""
    found, refs, value_schemas = result.findings, result.refs, result.value_schemas
    yaml_source = doc.path.suffix.lower() != ".json"
    nullable = "SF068" not in off
    aliases = "*" in doc.text and "&" in doc.text  # YAML anchors: containers may be shared, visit each once
    seen: set[int] = set()
    pop, push = stack.pop, stack.append
    while stack:
        obj, kind, entry = pop()
        if type(obj) is list:
            if kind == _SCHEMALIST:
                for i, value in enumerate(obj):
                    if type(value) is dict:
                        push((value, _SCHEMA, (entry, i)))
                    elif type(value) is bool:
                        found.append(bool_schema(obj, i, value, (entry, i)))
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
                found.append(null_type(obj, types, entry))
            if not _SPECIAL_KEYS.isdisjoint(obj):
                if "$ref" in obj:
                    refs.append((obj["$ref"], entry, True))
                if not KEYWORDS.isdisjoint(obj):
                    keyword_findings(obj, entry, v30, yaml_source, found, nullable)
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
                    found.append(bool_schema(obj, key, value, (entry, key)))
            continue
        if kind == _SCHEMAMAP:
            for key, value in obj.items():
                if type(value) is dict:
                    push((value, _SCHEMA, (entry, key)))
                elif type(value) is bool:
                    found.append(bool_schema(obj, key, value, (entry, key)))
            continue
        if kind == _CODES:
            found.extend(numeric_codes(obj, entry))
            kind = _RESPONSES
        if kind == _RESPONSES:
            for key, value in obj.items():
                if type(value) is dict:
                    push((value, _RESPONSE, (entry, key)))
            continue
        if "$ref" in obj:
            refs.append((obj["$ref"], entry, False))
        elif kind == _RESPONSE and "description" not in obj:
            found.append(no_description(obj, entry))
        if "content" in obj and obj["content"] is None:
            found.append(null_content(obj, entry))
        for key, value in obj.items():
            tv = type(value)
            if tv is not dict and tv is not list:
                if tv is bool and key == "schema":
                    found.append(bool_schema(obj, key, value, (entry, key)))
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
