"""The neutral model: what the wire says about an API, in no language's spelling.

Frozen dataclasses holding wire names, raw descriptions, JSON example values and type expressions; each target
turns it into its own names, types and files.
"""

from generator.model.api import Api, Security, SecurityScheme
from generator.model.operations import FILE_EXAMPLE, Body, Operation, Param, Requirement, Response, StreamVariant
from generator.model.schemas import ComponentName, Name, OperationName, Property, Schema, SchemaName, Word
from generator.model.types import (
    Any,
    File,
    ListOf,
    Literal,
    MapOf,
    NoneType,
    Nullable,
    Ref,
    Scalar,
    TupleOf,
    TypeExpr,
    Union,
    unaliased,
    walk,
)

__all__ = [
    "FILE_EXAMPLE",
    "Any",
    "Api",
    "Body",
    "ComponentName",
    "File",
    "ListOf",
    "Literal",
    "MapOf",
    "Name",
    "NoneType",
    "Nullable",
    "Operation",
    "OperationName",
    "Param",
    "Property",
    "Ref",
    "Requirement",
    "Response",
    "Scalar",
    "Schema",
    "SchemaName",
    "Security",
    "SecurityScheme",
    "StreamVariant",
    "TupleOf",
    "TypeExpr",
    "Union",
    "Word",
    "unaliased",
    "walk",
]
