"""Directions: whether the operations send a schema (``in``), receive it (``out``), or both."""

from __future__ import annotations

from collections.abc import Iterable

from generator import model

IN, OUT = "in", "out"
BOTH = frozenset((IN, OUT))


def refs_in(t: model.TypeExpr | None) -> Iterable[int]:
    if t is not None:
        yield from (node.id for node in model.walk(t) if isinstance(node, model.Ref))


def schema_types(schema: model.Schema) -> Iterable[model.TypeExpr]:
    for prop in schema.properties:
        yield prop.type
    if schema.alias_of is not None:
        yield schema.alias_of
    if schema.extra is not None:
        yield schema.extra


def directions(api: model.Api) -> dict[int, set[str]]:
    """Schema id -> the directions in which the operations use it (following properties and aliases)."""
    found: dict[int, set[str]] = {}

    def visit(t: model.TypeExpr | None, direction: str) -> None:
        stack = list(refs_in(t))
        while stack:
            ref_id = stack.pop()
            seen = found.setdefault(ref_id, set())
            if direction in seen:
                continue
            seen.add(direction)
            for inner in schema_types(api.schemas[ref_id]):
                stack.extend(refs_in(inner))

    for op in api.operations:
        for p in op.params + (op.body.params if op.body is not None else ()):
            visit(p.type, IN)
        visit(op.response.type, OUT)  # a page's items are reached through the page
    return found


def flattened_bodies(api: model.Api) -> set[str]:
    """The component schemas some method takes as its parameters (their properties), by wire name."""
    return {op.body.schema for op in api.operations if op.body is not None and not op.body.whole and op.body.schema}


def unused_directions(schema: model.Schema) -> frozenset[str]:
    """A schema no operation reaches: a request object is sent; anything else may be built or read (conservative)."""
    return frozenset((IN,)) if schema.kind == "input" else BOTH


def side_words(dirs: frozenset[str], unused: bool = False) -> str:
    if unused:
        return "(type no method uses: judged as request and response)" if dirs == BOTH else "(type no method uses)"
    if dirs == BOTH:
        return "(request and response)"
    return "(request)" if IN in dirs else "(response)"
