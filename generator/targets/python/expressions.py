"""Python type expressions of the plan: the neutral types with schema references resolved to Python names."""

from __future__ import annotations

from collections.abc import Sequence

from generator import model
from generator.frozen import frozen
from generator.targets.python import naming


@frozen
class Primitive:
    py: str  # "str" | "int" | "float" | "bool" | "object" | "bytes" | "datetime" | "date" | "UUID"
    fmt: str | None = None


@frozen
class Named:
    name: str  # the Python class or alias name in types/
    module: str  # module stem under types/


@frozen
class ListOf:
    item: TypeExpr


@frozen
class TupleOf:
    items: tuple[TypeExpr, ...]  # a fixed-length array (``prefixItems``)


@frozen
class MapOf:
    value: TypeExpr


@frozen
class UnionOf:
    items: tuple[TypeExpr, ...]
    discriminator: str | None = None  # wire name of the tag property
    tag_field: str = ""  # Python field name of the tag, when every variant is a model with a literal tag


@frozen
class LiteralOf:
    values: tuple[str | int | float | bool | None, ...]
    open: bool = False  # an open enum also accepts any value of the base type


@frozen
class Nullable:
    inner: TypeExpr


@frozen
class AnyType:
    pass


@frozen
class FileType:
    """A file upload in a multipart body."""


TypeExpr = Primitive | Named | ListOf | TupleOf | MapOf | UnionOf | LiteralOf | Nullable | AnyType | FileType


_PY_SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "bytes": "bytes", "date": "date",
               "datetime": "datetime"}


def to_py(t: model.TypeExpr, named: Sequence[Named]) -> TypeExpr:
    """The Python type of a neutral type; ``named[id]`` is the class or alias a schema reference stands for."""
    if isinstance(t, model.Scalar):
        return Primitive(_PY_SCALARS[t.kind], t.format)
    if isinstance(t, model.Ref):
        return named[t.id]
    if isinstance(t, model.ListOf):
        return ListOf(to_py(t.item, named))
    if isinstance(t, model.TupleOf):
        return TupleOf(tuple(to_py(i, named) for i in t.items))
    if isinstance(t, model.MapOf):
        return MapOf(to_py(t.value, named))
    if isinstance(t, model.Union):
        tag = naming.field_name(t.discriminator) if t.tagged and t.discriminator else ""
        return UnionOf(tuple(to_py(i, named) for i in t.items), t.discriminator, tag)
    if isinstance(t, model.Literal):
        return LiteralOf(t.values, t.open)
    if isinstance(t, model.Nullable):
        return Nullable(to_py(t.inner, named))
    if isinstance(t, model.File):
        return FileType()
    if isinstance(t, model.NoneType):
        return Primitive("None")
    return AnyType()
