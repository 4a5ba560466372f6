"""What the differ asks a target: how users see a neutral model (names, annotations), and one side of a diff."""

from __future__ import annotations

from typing import Protocol

from generator import model
from generator.frozen import frozen


class Surface(Protocol):
    """A target's spelling of one model.Api: every answer is text users of the generated SDK read."""

    def operation(self, index: int) -> str:
        """Where a method is: ``videos.remix``."""
        ...

    def param(self, index: int, param: model.Param) -> tuple[str, str]:
        """(name, annotation) of a parameter of operation ``index``."""
        ...

    def returns(self, index: int) -> str:
        """The return annotation of operation ``index``."""
        ...

    def paged(self, index: int) -> bool:
        """Whether operation ``index`` returns a page of items (its result is iterated, not read)."""
        ...

    def schema(self, ref_id: int) -> str:
        """Where a named type is: ``types.Video``."""
        ...

    def kind(self, ref_id: int) -> tuple[str, str]:
        """(short, spelled out) name of what the schema becomes: ("typeddict", "TypedDict")."""
        ...

    def field(self, ref_id: int, prop: model.Property) -> tuple[str, str]:
        """(name, annotation) of a property of schema ``ref_id``."""
        ...

    def type(self, t: model.TypeExpr) -> str:
        """The annotation of a type expression."""
        ...


@frozen
class Side:
    """One version of the API: its neutral model and the target's spelling of it."""

    api: model.Api
    surface: Surface
