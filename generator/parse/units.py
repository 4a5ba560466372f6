"""The parse as a run of units (each operation, then each component schema), every unit recorded with what it read
and what it made; a regeneration takes from the last run's record each unit that read nothing the edit changed.

A unit's output is a function of what it read and of what the units before it left (the schemas built so far, their
ids, the defaults already warned about). So a unit is taken from the record while everything before it came out as
recorded (its schemas the same ids and keys) and none of its reads overlaps an edited place: its own place, each
`$ref` it followed and each component schema it entered (a schema it knows by id, it reached through one of those).
The first unit run again that comes out otherwise ends the replay: every later unit runs. tests/test_parse_units.py
compares the result with a whole parse for edits of real specs.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from generator import pointer as jsonpointer
from generator.frozen import frozen
from generator.model import Operation, Schema

if TYPE_CHECKING:
    from generator.parse.context import Context

T = TypeVar("T")

# where an edit may be and units still be taken from the record: below one path item or one component a `$ref`
# reaches, or in info or servers (read after the units). Security schemes and the root's `security` feed every
# operation, and the parse reads no other place.
_BELOW = ("/paths/", "/components/schemas/", "/components/parameters/", "/components/requestBodies/",
          "/components/responses/", "/components/headers/", "/components/examples/")
_ANYWHERE_IN = ("/info", "/servers")


@frozen
class Unit:
    """What one unit read and made."""

    key: str  # its place: a path item's operation, or a component schema
    reads: frozenset[str]  # pointers: its own place, each `$ref` target and component schema it entered
    first: int  # the id of the first schema it built (the number built before it)
    schemas: tuple[Schema, ...]
    built: tuple[tuple[tuple[str, str], int], ...]  # the (pointer, direction) keys it built, and their ids
    warnings: tuple[str, ...]
    dropped: frozenset[str]  # the defaults it warned about first
    typed: tuple[tuple[str, str], ...]  # its additions to typed_as_part
    value: Any  # the operation, or the component schema's type


@frozen
class Record:
    """A whole parse's units, and what every unit took as given: the text parsed (its digest) and the API's default
    security requirement."""

    spec: str
    default_security: Any
    units: tuple[Unit, ...]

    def schemas(self) -> tuple[Schema, ...]:
        """The model's schemas, in id order (each unit's are the ids after the last unit's)."""
        return tuple(schema for unit in self.units for schema in unit.schemas)

    def operations(self) -> tuple[Operation, ...]:
        return tuple(unit.value for unit in self.units if isinstance(unit.value, Operation))


class Units:
    """Runs the units of one parse in order, each recorded; with ``last`` (the record of a parse of the text an edit
    changed at the pointers ``edited``), takes each unit it can from it instead."""

    def __init__(self, ctx: Context, last: Record | None = None, edited: tuple[str, ...] = ()) -> None:
        self.ctx: Context | None = ctx  # None once the parse is over (``finish``)
        self.made: list[Unit] = []
        self.taken = 0  # units taken from the record (tests count them)
        self._default_security = ctx.security.default
        replay = last is not None and last.default_security == self._default_security
        self._last = last.units if replay and last is not None and all(map(_local, edited)) else ()
        self._edited = edited

    def run(self, key: str, own: str, work: Callable[[], T], replay: Callable[[], None] = lambda: None) -> T:
        """``work``'s value, taken from the record where it can be (then ``replay`` redoes what a unit does beside
        its record: the operation's security requirement, counted again)."""
        recorded = self._recorded(key)
        if recorded is not None and self._still(recorded):
            self._apply(recorded)
            replay()
            self.made.append(recorded)
            self.taken += 1
            return recorded.value  # type: ignore[no-any-return]
        unit = self._unit(key, own, work)
        if recorded is not None:
            self._compare(recorded, unit)
        self.made.append(unit)
        return unit.value  # type: ignore[no-any-return]

    def finish(self) -> None:
        """The parse is over: the parser (its spec, its caches) is not kept alive by the record."""
        self.ctx = None
        self._last = ()

    def record(self, spec_digest: str) -> Record:
        """The record of this parse, of the text whose digest is ``spec_digest``."""
        return Record(spec_digest, self._default_security, tuple(self.made))

    def _recorded(self, key: str) -> Unit | None:
        at = len(self.made)
        if at < len(self._last) and self._last[at].key == key:
            return self._last[at]
        self._last = ()  # the units are not the record's (an operation added or removed): run the rest
        return None

    def _still(self, unit: Unit) -> bool:
        """Whether the unit would come out as recorded: built on the same schemas, reading nothing edited."""
        assert self.ctx is not None
        if unit.first != len(self.ctx.lifted.schemas):
            return False
        return not any(_overlap(read, edit) for edit in self._edited for read in unit.reads)

    def _apply(self, unit: Unit) -> None:
        ctx = self.ctx
        assert ctx is not None
        ctx.lifted.schemas.extend(unit.schemas)
        ctx.lifted.built.update(unit.built)
        ctx.warnings.extend(unit.warnings)
        ctx.dropped_defaults.update(unit.dropped)
        ctx.typed_as_part.update(unit.typed)

    def _unit(self, key: str, own: str, work: Callable[[], T]) -> Unit:
        ctx = self.ctx
        assert ctx is not None
        first, built, warned = len(ctx.lifted.schemas), len(ctx.lifted.built), len(ctx.warnings)
        dropped, typed = set(ctx.dropped_defaults), len(ctx.typed_as_part)
        ctx.reads = {own}
        value = work()
        new_keys = list(itertools.islice(reversed(ctx.lifted.built), len(ctx.lifted.built) - built))[::-1]
        return Unit(
            key=key,
            reads=frozenset(jsonpointer.from_fragment(r) if r.startswith("#") else r for r in ctx.reads),
            first=first,
            schemas=tuple(s for s in ctx.lifted.schemas[first:] if s is not None),
            built=tuple((k, ctx.lifted.built[k]) for k in new_keys),
            warnings=tuple(ctx.warnings[warned:]),
            dropped=frozenset(ctx.dropped_defaults - dropped),
            typed=tuple(itertools.islice(ctx.typed_as_part.items(), typed, None)),
            value=value,
        )

    def _compare(self, recorded: Unit, unit: Unit) -> None:
        """A unit run again: the replay goes on if it built what the record says (ids and keys; the schemas may
        differ) and warned about the same defaults first; else it ends."""
        if (unit.first, unit.built, unit.dropped) != (recorded.first, recorded.built, recorded.dropped):
            self._last = ()


def _local(edit: str) -> bool:
    """Whether units can still be taken from the record around an edit at ``edit`` (see _BELOW)."""
    if any(edit == top or edit.startswith(top + "/") for top in _ANYWHERE_IN):
        return True
    return any(edit.startswith(prefix) and len(edit) > len(prefix) for prefix in _BELOW)


def _overlap(read: str, edit: str) -> bool:
    """Whether the place ``read`` holds or is held by the place ``edit``."""
    return read == edit or read.startswith(edit + "/") or edit.startswith(read + "/")
