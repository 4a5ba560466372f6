"""Which part of the old model is which part of the new one: paired by wire identity, then by the target's name.

Wire identity: an operation is its HTTP method and path (placeholder names aside), a parameter its location and wire
name, a property its wire name, a schema its component name (an inline schema: the place it was lifted from, with
whether a request sends it). What is left unpaired is paired by the name the target gives it, so a schema renamed in
the spec whose SDK name the configuration keeps is the same type.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from generator import model
from generator.model.schemas import NamePart

T = TypeVar("T")
Key = Callable[[T], Hashable]


@dataclass
class Pairing(Generic[T]):
    pairs: list[tuple[T, T]] = field(default_factory=list)
    removed: list[T] = field(default_factory=list)  # only in the old model
    added: list[T] = field(default_factory=list)  # only in the new model


def pair(old: Sequence[T], new: Sequence[T], keys: tuple[Key[T], Key[T]], names: tuple[Key[T], Key[T]]) -> Pairing[T]:
    """Pair ``old`` with ``new`` items by key, then what is left by name; ``keys``/``names``: (old side, new side)."""
    out: Pairing[T] = Pairing()
    by_key = _unique(new, keys[1])
    left: list[int] = []
    taken: set[int] = set()  # positions in ``new``
    for key, at in _unique(old, keys[0]).items():
        match = by_key.get(key)
        if match is None:
            left.append(at)
        else:
            out.pairs.append((old[at], new[match]))
            taken.add(match)
    by_name: dict[Hashable, int] = {}
    for at, item in enumerate(new):
        if at not in taken:
            by_name.setdefault(names[1](item), at)
    for at in sorted(left):
        match = by_name.pop(names[0](old[at]), None)
        if match is None:
            out.removed.append(old[at])
        else:
            out.pairs.append((old[at], new[match]))
            taken.add(match)
    out.added = [item for at, item in enumerate(new) if at not in taken]
    return out


def _unique(items: Sequence[T], key: Key[T]) -> dict[Hashable, int]:
    """Positions by key; a key met again is told apart by how often it was met (in model order)."""
    out: dict[Hashable, int] = {}
    for at, item in enumerate(items):
        k = key(item)
        n = 1
        while (k, n) in out:
            n += 1
        out[(k, n)] = at
    return out


_PLACEHOLDER = re.compile(r"\{[^}]*\}")


def operation_key(op: model.Operation) -> Hashable:
    return op.http_method, _PLACEHOLDER.sub("{}", op.path), op.fixed_query


def param_key(param: model.Param) -> Hashable:
    return param.location, param.wire_name


def property_key(prop: model.Property) -> Hashable:
    return prop.wire_name


def schema_keys(api: model.Api) -> list[Hashable]:
    """Each schema's identity, by id: its name parts with operations and parent schemas spelled by identity."""
    keys: dict[int, Hashable] = {}

    def key(ref_id: int) -> Hashable:
        if ref_id not in keys:
            schema = api.schemas[ref_id]
            keys[ref_id] = ("schema", ref_id)  # a parent cycle (never expected) stops here
            keys[ref_id] = (tuple(part_key(p) for p in schema.name), schema.request)
        return keys[ref_id]

    def part_key(part: NamePart) -> Hashable:
        if isinstance(part, model.SchemaName):
            return key(part.id)
        if isinstance(part, model.ComponentName):
            return "component", part.wire
        if isinstance(part, model.OperationName):
            return "operation", operation_key(api.operations[part.index])
        if isinstance(part, model.Word):
            return "word", part.text
        return part

    return [key(s.id) for s in api.schemas]
