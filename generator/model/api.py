"""The whole neutral model of one API: its schemas, operations and security."""

from __future__ import annotations

import typing as t
from dataclasses import field

from generator.frozen import frozen
from generator.model.operations import Operation, Requirement
from generator.model.schemas import Schema


@frozen
class SecurityScheme:
    """How one OpenAPI security scheme is sent."""

    name: str  # key under components/securitySchemes
    kind: t.Literal["bearer", "basic", "api_key", "oauth2"]  # oauth2: a bearer token, given or fetched
    location: t.Literal["header", "query", "cookie"] = "header"
    wire_name: str = "Authorization"  # header, query parameter or cookie name
    token_url: str = ""  # oauth2 clientCredentials flow


@frozen
class Security:
    schemes: tuple[SecurityScheme, ...] = ()  # the schemes some operation uses, in declaration order
    scopes: tuple[tuple[str, tuple[str, ...]], ...] = ()  # scheme name -> scopes its requirements ask for
    default: Requirement = ()  # the requirement of every operation that does not declare its own
    requirements: tuple[Requirement, ...] = ()  # every requirement an operation has (its own or the default)
    declared: bool = False  # the spec declares some scheme (usable or not)


@frozen
class Api:
    title: str
    description: str
    version: str  # info.version
    base_url: str | None  # the first server's url, None when there is none
    openapi: str  # the spec's OpenAPI version
    schemas: tuple[Schema, ...] = ()  # in the order they were met; Ref(id) indexes this
    operations: tuple[Operation, ...] = ()
    security: Security = Security()
    warnings: tuple[str, ...] = field(default=(), compare=False)
    # (pointer, pointer of its part): an allOf no value can meet (a string and an integer), typed as that part
    typed_as_part: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def schema(self, ref_id: int) -> Schema:
        return self.schemas[ref_id]
