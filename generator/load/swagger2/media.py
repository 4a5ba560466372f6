"""Media types of an upgraded operation: ``consumes`` / ``produces`` (the operation's, else the document's) as the
keys of its request and response ``content``."""

from __future__ import annotations

from typing import Any

JSON = "application/json"
BINARY = "application/octet-stream"
MULTIPART = "multipart/form-data"
URLENCODED = "application/x-www-form-urlencoded"


def listed(op: dict[Any, Any], root: dict[Any, Any], key: str) -> list[str] | None:
    """An operation's ``consumes`` or ``produces`` (its own list wins, even an empty one); None: none declared."""
    for owner in (op, root):
        value = owner.get(key)
        if isinstance(value, list):
            return [str(m) for m in value if isinstance(m, str) and m.strip()]
    return None


def _essence(media: str) -> str:
    return media.split(";")[0].strip().lower()


def body_types(consumes: list[str] | None) -> list[str]:
    """The media types of an ``in: body`` request body: those consumed that are not forms, else JSON."""
    found = [m for m in consumes or [] if _essence(m) not in (MULTIPART, URLENCODED)]
    return found or [JSON]


def form_types(consumes: list[str] | None, has_file: bool) -> list[str]:
    """The media types of a request body made of ``in: formData`` parameters: multipart when a file is sent (a file
    has no url-encoded form), else the form types consumed, else url-encoded."""
    forms = [m for m in consumes or [] if _essence(m) in (MULTIPART, URLENCODED)]
    if has_file:
        return [m for m in forms if _essence(m) == MULTIPART][:1] or [MULTIPART]
    return forms or [URLENCODED]


def response_types(produces: list[str] | None, schema: Any) -> list[str]:
    """The media types of a response body: those produced, else JSON (binary for a ``type: file`` schema)."""
    if produces:
        return produces
    return [BINARY] if isinstance(schema, dict) and schema.get("type") == "file" else [JSON]
