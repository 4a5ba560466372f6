"""Where a 2.0 document's reusable objects move: its local ``$ref``s as the upgraded document's, and back."""

from __future__ import annotations

from typing import Any

#: where a 2.0 document keeps reusable objects, and where the upgraded document keeps them
MOVED = (("#/definitions/", "#/components/schemas/"), ("#/parameters/", "#/components/parameters/"),
         ("#/responses/", "#/components/responses/"))


def ref(value: Any) -> Any:
    """A 2.0 local ``$ref`` as the upgraded document's (``#/definitions/X`` -> ``#/components/schemas/X``, ...)."""
    if isinstance(value, str):
        for old, new in MOVED:
            if value.startswith(old):
                return new + value[len(old):]
    return value


def as_written(message: str) -> str:
    """A message about the upgraded document with its references as the 2.0 document writes them."""
    for old, new in MOVED:
        message = message.replace(new, old)
    return message
