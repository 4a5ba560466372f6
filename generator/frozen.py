"""``@frozen``: the dataclasses of the model, the parse and the plans, immutable to the type checker.

``dataclass(frozen=True)`` sets every field through ``object.__setattr__`` when an instance is made: ~1.5 us for eight
fields against ~0.3 us, and parsing and planning the OpenAI spec makes enough of them to cost ~0.05 s. mypy holds a
``@frozen`` class immutable as it holds a frozen dataclass (assigning a field is an error it reports); at run time the
class is a plain dataclass that compares and hashes by its fields, as a frozen one does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from typing_extensions import dataclass_transform

T = TypeVar("T")


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def frozen(cls: type[T]) -> type[T]:
    return dataclass(unsafe_hash=True)(cls)
