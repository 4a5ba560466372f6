"""Schemas as the SDK reads them where Prism would read them otherwise: an ``allOf`` no value can meet (a string and
an integer: Prism answers 422 to any request) is the part the SDK types it as (with a warning); a ``oneOf`` is a
union, as in the SDK; a format no value of the allowed length meets is left out."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any

from generator import pointer
from generator.targets.mock_spec.edits import Edits, KeyPath, key_path


def as_typed(data: Any, typed_as_part: Iterable[tuple[str, str]]) -> Edits:
    edits: Edits = {}
    for where, part in typed_as_part:
        path, found = key_path(data, where), pointer.walk(data, part)
        if path is not None and found is not pointer.MISSING:
            edits[path] = partial(_replaced, found)
    return edits


def _replaced(by: Any, _node: Any) -> Any:
    return by


def as_the_sdk_reads(mappings: list[tuple[KeyPath, dict[Any, Any]]]) -> Edits:
    """Edits of every schema Prism would read otherwise than the SDK: a ``oneOf`` becomes an ``anyOf`` (the SDKs read
    it as a union and a discriminator names the variant; Prism's validator applies no discriminator and wants exactly
    one variant to fit, so a request that fits two gets 422 however it is written); a string ``format`` whose
    shortest value is longer than the ``maxLength`` beside it (``format: uuid, maxLength: 24``: no value meets both)
    is left out, as the SDK sends any string."""
    return {path: _as_read for path, node in mappings if _one_of(node) or _format_too_long(node)}


def _one_of(node: dict[Any, Any]) -> bool:
    return isinstance(node.get("oneOf"), list) and "anyOf" not in node


SHORTEST = {"uuid": 36, "date": 10, "date-time": 20, "email": 3, "uri": 4, "ipv4": 7}  # characters


def _format_too_long(node: dict[str, Any]) -> bool:
    fmt, longest = node.get("format"), node.get("maxLength")  # (a properties mapping may hold a "format" property)
    shortest = SHORTEST.get(fmt) if isinstance(fmt, str) else None
    return shortest is not None and isinstance(longest, int) and longest < shortest


def _as_read(node: dict[str, Any]) -> dict[str, Any]:
    one_of = _one_of(node)
    dropped = "format" if _format_too_long(node) else None
    return {("anyOf" if key == "oneOf" and one_of else key): value for key, value in node.items() if key != dropped}
