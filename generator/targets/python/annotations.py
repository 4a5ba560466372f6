"""Rendering type expressions to annotation text, and collecting the imports they need."""

from __future__ import annotations

from collections.abc import Iterator

from generator.targets.python.expressions import (
    AnyType,
    FileType,
    ListOf,
    LiteralOf,
    MapOf,
    Named,
    Nullable,
    Primitive,
    TupleOf,
    TypeExpr,
    UnionOf,
)
from generator.targets.python.source import literal as source_literal

TYPING_NAMES = ("Annotated", "Any", "Dict", "List", "Literal", "Optional", "Tuple", "Union")


def annotation(t: TypeExpr, quoted: frozenset[str] = frozenset()) -> str:
    """The annotation text; names in ``quoted`` are forward references (members of a recursive alias)."""
    if isinstance(t, Primitive):
        return t.py
    if isinstance(t, Named):
        return f'"{t.name}"' if t.name in quoted else t.name
    if isinstance(t, ListOf):
        return f"List[{annotation(t.item, quoted)}]"
    if isinstance(t, TupleOf):
        return "Tuple[" + ", ".join(annotation(i, quoted) for i in t.items) + "]"
    if isinstance(t, MapOf):
        return f"Dict[str, {annotation(t.value, quoted)}]"
    if isinstance(t, Nullable):
        return f"Optional[{annotation(t.inner, quoted)}]"
    if isinstance(t, LiteralOf):
        if any(isinstance(v, float) for v in t.values):  # no float Literal in Python: the values checked at runtime
            checked = "Annotated[float, one_of(" + ", ".join(source_literal(v) for v in t.values) + ")]"
            return "float" if t.open else checked
        literal = "Literal[" + ", ".join(source_literal(v) for v in t.values) + "]"
        return f"Union[{_base_of(t)}, {literal}]" if t.open else literal
    if isinstance(t, UnionOf):
        union = "Union[" + ", ".join(annotation(i, quoted) for i in t.items) + "]"
        if t.tag_field:
            return f"Annotated[{union}, FieldInfo(discriminator={source_literal(t.tag_field)})]"
        return union
    if isinstance(t, FileType):
        return "FileTypes"
    return "object"


def _base_of(t: LiteralOf) -> str:
    kinds = {type(v) for v in t.values}
    if kinds == {int}:
        return "int"
    if kinds <= {int, float}:
        return "float"
    return "str"


def walk(t: TypeExpr) -> Iterator[TypeExpr]:
    yield t
    if isinstance(t, ListOf):
        yield from walk(t.item)
    elif isinstance(t, MapOf):
        yield from walk(t.value)
    elif isinstance(t, Nullable):
        yield from walk(t.inner)
    elif isinstance(t, (UnionOf, TupleOf)):
        for item in t.items:
            yield from walk(item)


def typing_names(text: str) -> list[str]:
    """The typing names an annotation text uses (``List[Optional[X]]`` -> ["List", "Optional"])."""
    return [name for name in TYPING_NAMES if f"{name}[" in text or text == name]


def named_refs(types: list[TypeExpr]) -> list[Named]:
    seen: dict[str, Named] = {}
    for t in types:
        for node in walk(t):
            if isinstance(node, Named):
                seen.setdefault(node.name, node)
    return sorted(seen.values(), key=lambda n: n.name)


def needs(types: list[TypeExpr], kind: type) -> bool:
    return any(isinstance(node, kind) for t in types for node in walk(t))


def uses_primitive(types: list[TypeExpr], py: str) -> bool:
    return any(isinstance(node, Primitive) and node.py == py for t in types for node in walk(t))


__all__ = ["AnyType", "annotation", "named_refs", "needs", "typing_names", "uses_primitive", "walk"]
