"""What a container of an OpenAPI document is (a schema, a map of schemas, a path item, examples...), for the walks
over a document (bundling, validation); the one list of HTTP methods a path item holds operations under, and how a
path template names its parameters."""

from __future__ import annotations

import re
from typing import Any

GENERIC, SCHEMA, SCHEMAMAP, SCHEMALIST, NAMEMAP, EXAMPLEMAP, EXAMPLE, PATHMAP, PATHITEM, OPERATION, EXTENSION = range(11)
MAP_KINDS = (SCHEMAMAP, NAMEMAP, EXAMPLEMAP, PATHMAP)
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
PLACEHOLDER = re.compile(r"\{([^{}]+)\}")  # a path template's parameter: ``{id}`` -> ``id``

_SCHEMA_CHILD = frozenset(
    ("items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else", "unevaluatedItems",
     "unevaluatedProperties", "additionalItems", "contentSchema")
)
_SCHEMA_MAP = frozenset(("properties", "patternProperties", "$defs", "definitions", "dependentSchemas"))
_SCHEMA_LIST = frozenset(("allOf", "anyOf", "oneOf", "prefixItems"))
_SCHEMA_VALUES = frozenset(("default", "enum", "const", "example", "examples"))
_PATH_MAPS = frozenset(("paths", "webhooks", "pathItems"))
_NAME_MAPS = frozenset(("responses", "parameters", "requestBodies", "headers", "securitySchemes", "links",
                        "callbacks", "content", "encoding"))


def child_kind(kind: int, key: Any, value: Any) -> int | None:
    """The kind of the child ``value`` under ``key`` of a container of ``kind``; None: not walked (a literal value).
    An ``x-`` key of an object (not of a map of names) holds an extension: not OpenAPI, all the way down."""
    if kind == EXTENSION or (kind not in MAP_KINDS and isinstance(key, str) and key.startswith("x-")):
        return EXTENSION
    if kind == SCHEMA:
        return _schema_child(key, value)
    if kind == SCHEMAMAP:
        return SCHEMA
    if kind == EXAMPLEMAP:
        return EXAMPLE
    if kind == EXAMPLE:
        return None if key == "value" else GENERIC
    if kind == NAMEMAP:
        return GENERIC
    if kind == PATHMAP:
        return PATHITEM
    if kind == PATHITEM and key in METHODS and isinstance(value, dict):
        return OPERATION
    # generic objects
    if key == "schema":
        return SCHEMA
    if key in ("schemas", "definitions"):  # "definitions": a Swagger 2.0 document's schemas
        return SCHEMAMAP
    if key == "examples":
        return EXAMPLEMAP if isinstance(value, dict) else None
    if key in _NAME_MAPS and isinstance(value, dict):
        return NAMEMAP
    if key in _PATH_MAPS and isinstance(value, dict):
        return PATHMAP
    if key in ("example", "default"):
        return None
    return GENERIC


def _schema_child(key: Any, value: Any) -> int | None:
    if key in _SCHEMA_CHILD:
        return SCHEMA if isinstance(value, dict) else SCHEMALIST
    if key in _SCHEMA_MAP:
        return SCHEMAMAP
    if key in _SCHEMA_LIST:
        return SCHEMALIST
    if key in _SCHEMA_VALUES:
        return None
    return GENERIC
