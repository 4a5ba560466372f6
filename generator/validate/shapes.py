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
    """Turns one version's tables into checks (models are looked up when first used, so they may refer to each
    other in any order)."""

    def __init__(self, tables: dict[str, dict[str, str]]) -> None:
        self.tables = tables
        self.models: dict[str, Check] = {}

    def model(self, name: str) -> Check:
        if name not in self.models:
            self.models[name] = self._model(self.tables[name])
        return self.models[name]

    def _model(self, table: dict[str, str]) -> Check:
        fields: dict[str, tuple[Check, bool]] = {}  # key -> (check, null allowed)
        required = []
        for key, spec in table.items():
            kind = spec.rstrip("!*")
            fields[key] = (self.type(kind), spec == kind)
            if spec.endswith("*"):
                required.append(key)

        def check(value: Any) -> bool:
            if type(value) is not dict:
                return False
            for key, item in value.items():
                field = fields.get(key)
                if field is None:
                    if type(key) is not str or key in _FIELD_NAMES:
                        return False
                elif not ((item is None and field[1]) or field[0](item)):
                    return False
            return all(key in value for key in required)

        return check

    def type(self, spec: str) -> Check:
        alternatives = _split(spec)
        if len(alternatives) > 1:
            checks = [self.type(alt) for alt in alternatives]
            return lambda v: any(check(v) for check in checks)
        if spec.startswith("["):
            item = self.type(spec[1:-1])
            return lambda v: type(v) is list and all(item(x) for x in v)
        if spec.startswith("{"):
            item = self.type(spec[1:-1])
            return lambda v: type(v) is dict and all(type(k) is str and item(x) for k, x in v.items())
        if spec in _SCALARS:
            return _SCALARS[spec]
        if spec in _ENUMS:
            names = _ENUMS[spec]
            return lambda v: type(v) is str and v in names
        name = "Reference" if spec == "ref" else spec
        self.tables[name]  # a typo in the tables fails at import, not on some document
        return lambda v: self.model(name)(v)


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


_CHECKS = {version: {"OpenAPI": _Compiler(tables).model("OpenAPI")} for version, tables in (("3.1", _V31),
                                                                                               ("3.0", _V30))}
