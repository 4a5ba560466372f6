"""Schemas as the SDK reads them where Prism would read them otherwise: an ``allOf`` no value can meet (a string and
an integer: Prism answers 422 to any request) is the part the SDK types it as (with a warning); a ``oneOf`` is a
union, as in the SDK."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from generator import pointer
from generator.targets.mock_spec.edits import Edits, KeyPath, key_path


def as_typed(data: Any, typed_as_part: Iterable[tuple[str, str]]) -> Edits:
    edits: Edits = {}
    for where, part in typed_as_part:
        path, found = key_path(data, where), pointer.walk(data, part)
        if path is not None and found is not pointer.MISSING:
            edits[path] = lambda _node, found=found: found
    return edits


def one_of_as_any_of(data: Any) -> Edits:
    """An edit making every ``oneOf`` an ``anyOf``. The SDKs read a ``oneOf`` as a union (the first variant that
    fits), and a discriminator says which variant applies; Prism's validator applies no discriminator and wants
    exactly one variant to fit, so a request that fits two (``{kind: a}`` where both variants require only ``kind``)
    gets 422 however it is written."""
    edits: Edits = {}

    def walk(node: Any, path: KeyPath) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("oneOf"), list) and "anyOf" not in node:
                edits[path] = _any_of
            for key, value in node.items():
                if isinstance(value, (dict, list)) and key not in ("example", "examples"):
                    walk(value, path + (key,))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                if isinstance(value, (dict, list)):
                    walk(value, path + (i,))

    walk(data, ())
    return edits


def _any_of(node: dict[str, Any]) -> dict[str, Any]:
    return {("anyOf" if key == "oneOf" else key): value for key, value in node.items()}
