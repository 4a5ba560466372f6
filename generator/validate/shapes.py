"""The object shapes openapi-pydantic accepts, checked quickly: a document that fits them needs no structural parse.

``fits(data)`` is True only when openapi-pydantic would surely accept ``data``; False means "ask openapi-pydantic"
(which then reports SF001 with its own messages). So the tables may be stricter than the models, never looser: exact
Python types only (no coercion), keys that are a model's Python field name (``param_in``...) and non-string keys are
left to openapi-pydantic. Importing openapi-pydantic and its parse is most of `sdkforge validate` otherwise.

A field's type: ``str bool int num any``, an enum name, a model name, ``[T]`` a list, ``{T}`` a string-keyed mapping,
``A|B`` either; ``ref`` is the Reference object. A type alone may be null or absent; ``T!`` may be absent, not null;
``T*`` is required.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

_DATA_TYPES = frozenset(("null", "string", "number", "integer", "boolean", "array", "object"))
_ENUMS = {
    "DataType": _DATA_TYPES,
    "DataType30": _DATA_TYPES,  # openapi-pydantic's 3.0 models take the same enum
    "Location": frozenset(("query", "header", "path", "cookie")),
}
# Python field names of aliased fields: openapi-pydantic would read them too (populate_by_name), so never "fits"
_FIELD_NAMES = frozenset(("param_schema", "param_in", "media_type_schema", "ref", "schema_not", "schema_if",
                          "schema_else", "schema_format", "security_scheme_in"))

_COMMON: dict[str, dict[str, str]] = {
    "Contact": {"name": "str", "url": "str", "email": "str"},
    "Discriminator": {"propertyName": "str*", "mapping": "{str}"},
    "Encoding": {"contentType": "str", "headers": "{Header|ref}", "style": "str", "explode": "bool",
                 "allowReserved": "bool!"},
    "Example": {"summary": "str", "description": "str", "value": "any", "externalValue": "str"},
    "ExternalDocumentation": {"description": "str", "url": "str*"},
    "Header": {"description": "str", "required": "bool!", "deprecated": "bool!", "style": "str", "explode": "bool",
               "schema": "ref|Schema", "example": "any", "examples": "{Example|ref}", "content": "{MediaType}"},
    "Info": {"title": "str*", "description": "str", "termsOfService": "str", "contact": "Contact",
             "license": "License", "version": "str*"},
    "License": {"name": "str*", "url": "str"},
    "Link": {"operationRef": "str", "operationId": "str", "parameters": "{any}", "requestBody": "any",
             "description": "str", "server": "Server"},
    "MediaType": {"schema": "ref|Schema", "example": "any", "examples": "{Example|ref}", "encoding": "{Encoding}"},
    "OAuthFlow": {"authorizationUrl": "str", "tokenUrl": "str", "refreshUrl": "str", "scopes": "{str}"},
    "OAuthFlows": {"implicit": "OAuthFlow", "password": "OAuthFlow", "clientCredentials": "OAuthFlow",
                   "authorizationCode": "OAuthFlow"},
    "Operation": {"tags": "[str]", "summary": "str", "description": "str", "externalDocs": "ExternalDocumentation",
                  "operationId": "str", "parameters": "[Parameter|ref]", "requestBody": "RequestBody|ref",
                  "responses": "{Response|ref}", "deprecated": "bool!", "security": "[{[str]}]",
                  "servers": "[Server]"},
    "Parameter": {"description": "str", "required": "bool!", "deprecated": "bool!", "style": "str", "explode": "bool",
                  "schema": "ref|Schema", "example": "any", "examples": "{Example|ref}", "content": "{MediaType}",
                  "name": "str*", "in": "Location*", "allowEmptyValue": "bool!", "allowReserved": "bool!"},
    "PathItem": {"$ref": "str", "summary": "str", "description": "str", "get": "Operation", "put": "Operation",
                 "post": "Operation", "delete": "Operation", "options": "Operation", "head": "Operation",
                 "patch": "Operation", "trace": "Operation", "servers": "[Server]", "parameters": "[Parameter|ref]"},
    "RequestBody": {"description": "str", "content": "{MediaType}*", "required": "bool!"},
    "Response": {"description": "str*", "headers": "{Header|ref}", "content": "{MediaType}", "links": "{Link|ref}"},
    "SecurityScheme": {"type": "str*", "description": "str", "name": "str", "in": "str", "scheme": "str",
                       "bearerFormat": "str", "flows": "OAuthFlows", "openIdConnectUrl": "str"},
    "Server": {"url": "str*", "description": "str", "variables": "{ServerVariable}"},
    "ServerVariable": {"enum": "[str]", "default": "str*", "description": "str"},
    "Tag": {"name": "str*", "description": "str", "externalDocs": "ExternalDocumentation"},
    "XML": {"name": "str", "namespace": "str", "prefix": "str", "attribute": "bool!", "wrapped": "bool!"},
}
_SCHEMA_COMMON = {
    "allOf": "[ref|Schema]", "anyOf": "[ref|Schema]", "oneOf": "[ref|Schema]", "not": "ref|Schema",
    "items": "ref|Schema", "properties": "{ref|Schema}", "enum": "[any]", "multipleOf": "num", "maximum": "num",
    "minimum": "num", "maxLength": "int", "minLength": "int", "pattern": "str", "maxItems": "int", "minItems": "int",
    "uniqueItems": "bool", "maxProperties": "int", "minProperties": "int", "required": "[str]", "format": "str",
    "title": "str", "description": "str", "default": "any", "deprecated": "bool", "readOnly": "bool",
    "writeOnly": "bool", "discriminator": "Discriminator", "xml": "XML", "externalDocs": "ExternalDocumentation",
    "example": "any",
}
_V31 = {
    **_COMMON,
    "OpenAPI": {"info": "Info*", "jsonSchemaDialect": "str", "servers": "[Server]!", "paths": "{PathItem}",
                "webhooks": "{PathItem|ref}", "components": "Components", "security": "[{[str]}]",
                "tags": "[Tag]", "externalDocs": "ExternalDocumentation"},
    "Components": {"schemas": "{Schema}", "responses": "{Response|ref}", "parameters": "{Parameter|ref}",
                   "examples": "{Example|ref}", "requestBodies": "{RequestBody|ref}", "headers": "{Header|ref}",
                   "securitySchemes": "{SecurityScheme|ref}", "links": "{Link|ref}",
                   "callbacks": "{{PathItem|ref}|ref}", "pathItems": "{PathItem|ref}"},
    "Info": {**_COMMON["Info"], "summary": "str"},
    "License": {**_COMMON["License"], "identifier": "str"},
    "Operation": {**_COMMON["Operation"], "callbacks": "{{PathItem|ref}|ref}"},
    "Reference": {"$ref": "str*", "summary": "str", "description": "str"},
    "Schema": {**_SCHEMA_COMMON, "if": "ref|Schema", "then": "ref|Schema", "else": "ref|Schema",
               "dependentSchemas": "{ref|Schema}", "prefixItems": "[ref|Schema]", "contains": "ref|Schema",
               "patternProperties": "{ref|Schema}", "additionalProperties": "ref|Schema|bool",
               "propertyNames": "ref|Schema", "unevaluatedItems": "ref|Schema", "unevaluatedProperties": "ref|Schema",
               "type": "DataType|[DataType]", "const": "any", "exclusiveMaximum": "num", "exclusiveMinimum": "num",
               "maxContains": "int", "minContains": "int", "dependentRequired": "{[str]}", "contentEncoding": "str",
               "contentMediaType": "str", "contentSchema": "ref|Schema", "examples": "[any]"},
}
_V30 = {
    **_COMMON,
    "OpenAPI": {"info": "Info*", "servers": "[Server]!", "paths": "{PathItem}*", "components": "Components",
                "security": "[{[str]}]", "tags": "[Tag]", "externalDocs": "ExternalDocumentation"},
    "Components": {"schemas": "{ref|Schema}", "responses": "{Response|ref}", "parameters": "{Parameter|ref}",
                   "examples": "{Example|ref}", "requestBodies": "{RequestBody|ref}", "headers": "{Header|ref}",
                   "securitySchemes": "{SecurityScheme|ref}", "links": "{Link|ref}",
                   "callbacks": "{{PathItem}|ref}"},
    "OAuthFlow": {**_COMMON["OAuthFlow"], "scopes": "{str}*"},
    "Operation": {**_COMMON["Operation"], "responses": "{Response|ref}*", "callbacks": "{{PathItem}}"},
    "Reference": {"$ref": "str*"},
    "Schema": {**_SCHEMA_COMMON, "exclusiveMaximum": "bool", "exclusiveMinimum": "bool", "type": "DataType30",
               "additionalProperties": "bool|ref|Schema", "nullable": "bool"},
}
VERSIONS = {"3.1": ("3.1.2", "3.1.1", "3.1.0"), "3.0": ("3.0.4", "3.0.3", "3.0.2", "3.0.1", "3.0.0")}


def fits(data: Any) -> bool:
    """Whether openapi-pydantic surely accepts ``data`` (False: it may not, or the tables cannot tell)."""
    if type(data) is not dict:
        return False
    version = data.get("openapi")
    tables = _CHECKS.get(next((v for v, names in VERSIONS.items() if version in names), ""))
    if tables is None:
        return False
    try:
        return tables["OpenAPI"](data)
    except RecursionError:
        return False


def _num(value: Any) -> bool:
    return type(value) is float or (type(value) is int and abs(value) < 10**300)  # an int pydantic makes a float


_SCALARS: dict[str, Check] = {
    "str": lambda v: type(v) is str,
    "bool": lambda v: type(v) is bool,
    "int": lambda v: type(v) is int,
    "num": _num,
    "any": lambda v: True,
}


class _Compiler:
    """Turns one version's tables into checks: plain closures, each model's check made before any is filled in (so
    models refer to each other directly, in any order), a list or map checked by a loop, alternatives by ``or``."""

    def __init__(self, tables: dict[str, dict[str, str]]) -> None:
        self.tables = tables
        self.models: dict[str, Check] = {}
        self.parts: dict[str, tuple[dict[str, tuple[Check, bool]], set[str]]] = {}

    def compile(self) -> dict[str, Check]:
        for name in self.tables:
            self.models[name] = self._model(name)
        for name, table in self.tables.items():
            fields, required = self.parts[name]
            for key, spec in table.items():
                kind = spec.rstrip("!*")
                fields[key] = (self.type(kind), spec == kind)  # (check, null allowed)
                if spec.endswith("*"):
                    required.add(key)
        return self.models

    def _model(self, name: str) -> Check:
        fields: dict[str, tuple[Check, bool]] = {}
        required: set[str] = set()
        self.parts[name] = (fields, required)

        def check(value: Any) -> bool:
            if type(value) is not dict or not value.keys() >= required:
                return False
            for key, item in value.items():
                field = fields.get(key)
                if field is None:
                    if type(key) is not str or key in _FIELD_NAMES:
                        return False
                elif not (item is None and field[1]) and not field[0](item):
                    return False
            return True

        return check

    def type(self, spec: str) -> Check:
        alternatives = _split(spec)
        if len(alternatives) > 1:
            return _either([self.type(alt) for alt in alternatives])
        if spec.startswith("["):
            return _list_of(self.type(spec[1:-1]))
        if spec.startswith("{"):
            return _map_of(self.type(spec[1:-1]))
        if spec in _SCALARS:
            return _SCALARS[spec]
        if spec in _ENUMS:
            names = _ENUMS[spec]
            return lambda v: type(v) is str and v in names
        return self.models["Reference" if spec == "ref" else spec]  # a typo in the tables fails at import


def _either(checks: list[Check]) -> Check:
    first, rest = checks[0], _either(checks[1:]) if len(checks) > 2 else checks[1]
    return lambda v: first(v) or rest(v)


def _list_of(item: Check) -> Check:
    def check(value: Any) -> bool:
        if type(value) is not list:
            return False
        for x in value:
            if not item(x):
                return False
        return True

    return check


def _map_of(item: Check) -> Check:
    def check(value: Any) -> bool:
        if type(value) is not dict:
            return False
        for key, x in value.items():
            if type(key) is not str or not item(x):
                return False
        return True

    return check


def _split(spec: str) -> list[str]:
    """``A|{B|C}|D`` -> [A, {B|C}, D]: the alternatives at the top level."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(spec):
        depth += char in "[{"
        depth -= char in "]}"
        if char == "|" and depth == 0:
            parts.append(spec[start:i])
            start = i + 1
    return [*parts, spec[start:]]


_CHECKS = {version: _Compiler(tables).compile() for version, tables in (("3.1", _V31), ("3.0", _V30))}
