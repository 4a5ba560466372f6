"""Responses Prism would answer in a way no client can take: hop-by-hop headers, no success response, and bodies of
a media type Prism cannot write."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from generator.parse.responses import success_status
from generator.targets.mock_spec.edits import Edits, KeyPath, key_path, local, without_keys
from generator.targets.mock_spec.places import operations
from generator.validate.headers import hop_by_hop_response_headers

NO_CONTENT = {"204": {"description": "sdkforge: the spec declares no success response; the SDK returns None"}}


def without_hop_by_hop(data: Any) -> Edits:
    drop: dict[KeyPath, set[str]] = {}
    for path, name in hop_by_hop_response_headers(data):
        drop.setdefault(path, set()).add(name)
    return {path: partial(without_keys, frozenset(names)) for path, names in drop.items()}


def with_success_responses(data: Any) -> Edits:
    """An edit adding ``NO_CONTENT`` to every operation under ``paths`` that declares no success response."""
    edits: Edits = {}
    for path, _, op in operations(data):
        responses = op.get("responses")
        if not isinstance(responses, dict) or not responses or success_status(responses) is None:
            edits[path] = _add_no_content
    return edits


def _add_no_content(op: dict[str, Any]) -> dict[str, Any]:
    responses = op.get("responses")
    return {**op, "responses": {**(responses if isinstance(responses, dict) else {}), **NO_CONTENT}}


def serializable_media(data: Any) -> Edits:
    """An edit making text of every response media type Prism 5 has no serializer for (JSON, XML and ``text/*``
    are the ones it has) whose schema is not a string: Prism fails ("Cannot find serializer for
    application/x-yaml") on the data it builds for it, where the SDK reads such a body as text or bytes."""
    return as_text_where(data, _responses(data), _serializable)


def as_text_where(data: Any, holders: Iterable[tuple[KeyPath, Any]], read: Callable[[str], bool]) -> Edits:
    """An edit making text of each media type under ``holders`` (responses, request bodies) that Prism does not
    ``read`` and whose schema is not a string already."""
    edits: Edits = {}
    for where, holder in holders:
        content = holder.get("content") if isinstance(holder, dict) else None
        for media_type, media in content.items() if isinstance(content, dict) else ():
            if isinstance(media_type, str) and not read(media_type) and not _text(data, media):
                edits[where + ("content", media_type)] = _as_text
    return edits


def _responses(data: Any) -> list[tuple[KeyPath, Any]]:
    """(keys, response) for every response of an operation, a local ``$ref`` followed to where it points."""
    found: dict[KeyPath, Any] = {}
    for path, _, op in operations(data):
        responses = op.get("responses")
        for status, response in responses.items() if isinstance(responses, dict) else ():
            ref = response.get("$ref") if isinstance(response, dict) else None
            where = key_path(data, ref) if isinstance(ref, str) and ref.startswith("#/") else path + ("responses", status)
            if where is not None:
                found[where] = local(data, response)
    return list(found.items())


def _serializable(media_type: str) -> bool:
    kind = media_type.split(";")[0].strip().lower()
    return kind.startswith("text/") or kind in ("application/json", "application/xml") or kind.endswith(("+json", "+xml"))


def _text(data: Any, media: Any) -> bool:
    schema = local(data, media.get("schema")) if isinstance(media, dict) else None
    return not isinstance(schema, dict) or schema.get("type") == "string"


def _as_text(media: dict[str, Any]) -> dict[str, Any]:
    return {**{k: v for k, v in media.items() if k not in ("schema", "example", "examples")},
            "schema": {"type": "string"}}
