"""Type expressions of the neutral model: what a value on the wire is, in no language's spelling."""

from __future__ import annotations

import typing as t

from generator.frozen import frozen


@frozen
class Scalar:
    """A JSON scalar. kind: string, integer, number, boolean, bytes (a binary body), date or datetime (parsed from
    the wire's ISO text in responses); format is the schema's ``format``, kept so two formats stay two types."""

    kind: str
    format: str | None = None


@frozen
class Ref:
    """A named schema of the API: its index in ``Api.schemas``."""

    id: int


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
class Union:
    items: tuple[TypeExpr, ...]
    discriminator: str | None = None  # wire name of the tag property
    tagged: bool = False  # every variant is an object pinning the discriminator to its own value


@frozen
class Literal:
    values: tuple[str | int | float | bool | None, ...]
    open: bool = False  # an open enum also accepts any value of the base type


@frozen
class Nullable:
    inner: TypeExpr


@frozen
class Any:
    """Any JSON value."""


@frozen
class File:
    """A file upload in a multipart body."""


@frozen
class NoneType:
    """Only null (``type: "null"`` or ``enum: [null]``)."""


TypeExpr = Scalar | Ref | ListOf | TupleOf | MapOf | Union | Literal | Nullable | Any | File | NoneType


def walk(expr: TypeExpr) -> t.Iterator[TypeExpr]:
    """``expr`` and every expression inside it, depth first."""
    yield expr
    if isinstance(expr, ListOf):
        yield from walk(expr.item)
    elif isinstance(expr, MapOf):
        yield from walk(expr.value)
    elif isinstance(expr, Nullable):
        yield from walk(expr.inner)
    elif isinstance(expr, (Union, TupleOf)):
        for item in expr.items:
            yield from walk(item)


def unaliased(expr: TypeExpr, alias_of: t.Callable[[int], TypeExpr | None], depth: int = 0) -> TypeExpr:
    """``expr`` with references to aliases (enum components, unions) replaced by what they stand for."""
    if depth > 20:
        return expr
    if isinstance(expr, Nullable):
        return Nullable(unaliased(expr.inner, alias_of, depth + 1))
    if isinstance(expr, Union):
        return Union(tuple(unaliased(i, alias_of, depth + 1) for i in expr.items), expr.discriminator, expr.tagged)
    if isinstance(expr, Ref):
        target = alias_of(expr.id)
        if target is not None:
            return unaliased(target, alias_of, depth + 1)
    return expr
