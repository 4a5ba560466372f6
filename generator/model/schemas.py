"""Named schemas of the neutral model: objects, request objects and aliases, with the parts their names come from."""

from __future__ import annotations

import typing as t

from generator.frozen import frozen
from generator.model.types import TypeExpr


@frozen
class SchemaName:
    """The final name a target gave the schema with this id (a nested schema is named after its parent)."""

    id: int


@frozen
class ComponentName:
    """The name a target wants for a component schema (its key under ``components/schemas``)."""

    wire: str


@frozen
class OperationName:
    """The name of an operation (index in ``Api.operations``): resource and method, as a target names them."""

    index: int


@frozen
class Word:
    """A raw piece of a name (a property name, a parameter name) that a target cases."""

    text: str


# A name hint: parts joined in order. Plain strings are fixed suffixes ("Item", "Variant0", "Param").
NamePart = SchemaName | ComponentName | OperationName | Word | str
Name = tuple[NamePart, ...]

SchemaKind = t.Literal["object", "input", "alias"]  # input: an object a request sends (read-only fields dropped)


@frozen
class Property:
    wire_name: str
    type: TypeExpr
    required: bool
    default: t.Any = None  # JSON value of a default that fits the type, else None
    description: str = ""
    deprecated: bool = False
    read_only: bool = False
    write_only: bool = False


@frozen
class Schema:
    id: int
    name: Name
    wire_name: str  # the schema's name in the spec (or its context, for an inline schema)
    kind: SchemaKind
    request: bool = False  # met in a request: named as request parameters (even when it is an alias)
    properties: tuple[Property, ...] = ()
    alias_of: TypeExpr | None = None  # for kind "alias"
    extra: TypeExpr | None = None  # additionalProperties: extra properties kept on the object
    description: str = ""
    deprecated: bool = False
