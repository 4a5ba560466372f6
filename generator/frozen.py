"""``@frozen``: the dataclasses of the model, the parse and the plans, immutable to the type checker.

``dataclass(frozen=True)`` sets every field through ``object.__setattr__`` when an instance is made: ~1.5 us for eight
fields against ~0.3 us, and parsing and planning the OpenAI spec makes enough of them to cost ~0.05 s. mypy holds a
``@frozen`` class immutable as it holds a frozen dataclass (assigning a field is an error it reports); at run time the
class is a plain dataclass that compares and hashes by its fields, as a frozen one does.

Its repr is a dataclass's, made without the guard against an instance that holds itself (which immutable values built
from their parts cannot): a third of the cost, and a render takes the repr of every plan object it keys files by
(targets/python/inputs.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

from typing_extensions import dataclass_transform

T = TypeVar("T")


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def frozen(cls: type[T]) -> type[T]:
    own_repr = "__repr__" in cls.__dict__
    made = dataclass(unsafe_hash=True, repr=False)(cls)
    if not own_repr:
        made.__repr__ = _repr_of(made)  # type: ignore[method-assign]
    return made


def _repr_of(cls: type) -> Callable[[Any], str]:
    """What ``dataclass`` would make, ``ClassName(field=value, ...)``, as one f-string (fields are identifiers)."""
    parts = ", ".join(f"{f.name}={{self.{f.name}!r}}" for f in fields(cls) if f.repr)
    scope: dict[str, Any] = {}
    exec(f"def __repr__(self):\n    return f'{{type(self).__qualname__}}({parts})'", scope)  # noqa: S102
    return scope["__repr__"]  # type: ignore[no-any-return]
