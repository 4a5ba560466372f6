"""Request bodies Prism 5 reads as text. Its server parses a body as JSON only for ``application/json`` and
``application/*+json`` (it splits forms itself) and checks any other one, a string, against the media type's schema:
opensearch's ``application/x-ndjson`` bulk lines got 422 "Request body must be array". The copy checks such a body as
the string it is; the in-process tests check what the SDK writes into it."""

from __future__ import annotations

from typing import Any

from generator.targets.mock_spec.edits import Edits, KeyPath, key_path, local
from generator.targets.mock_spec.places import operations
from generator.targets.mock_spec.responses import as_text_where

PARSED = ("application/x-www-form-urlencoded", "multipart/form-data", "application/json")


def as_text(data: Any) -> Edits:
    return as_text_where(data, _bodies(data), _parsed)


def _parsed(media_type: str) -> bool:
    kind = media_type.split(";")[0].strip().lower()
    return kind in PARSED or (kind.startswith("application/") and kind.endswith("+json")) or "*" in kind


def _bodies(data: Any) -> list[tuple[KeyPath, Any]]:
    """(keys, request body) for every operation's body, a local ``$ref`` followed to where it points."""
    found: dict[KeyPath, Any] = {}
    for path, _, op in operations(data):
        body = op.get("requestBody")
        ref = body.get("$ref") if isinstance(body, dict) else None
        where = key_path(data, ref) if isinstance(ref, str) and ref.startswith("#/") else path + ("requestBody",)
        if body is not None and where is not None:
            found[where] = local(data, body)
    return list(found.items())
