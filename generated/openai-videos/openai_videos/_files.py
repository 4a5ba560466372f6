"""Multipart bodies: file values normalised, and every field split into the parts the HTTP client sends."""

from __future__ import annotations

import io
import mimetypes
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any, Optional, Union

from ._types import FileTypes, NotGiven, Omit, ParamStyles
from ._utils import (
    bracket_pairs,
    encode_query,
    is_given,
    primitive_to_str,
    to_json_bytes,
)

__all__ = ["FormField", "build_multipart", "is_file_content", "to_httpx_file"]

HttpxFileContent = Union[bytes, IO[bytes]]
HttpxFile = tuple[Optional[str], HttpxFileContent, Optional[str]]
# a form field: name, text, and the part's content type (None: a plain text field, sent without one)
FormField = tuple[str, str, Optional[str]]


def is_file_content(value: object) -> bool:
    return isinstance(value, (bytes, bytearray, os.PathLike, io.IOBase)) or (
        hasattr(value, "read") and not isinstance(value, str)
    )


def _guess_mime(filename: str | None) -> str | None:
    if not filename:
        return None
    return mimetypes.guess_type(filename)[0]


def _content_of(value: object) -> tuple[str | None, HttpxFileContent]:
    """The default file name and the content of one file value."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return None, bytes(value)
    if isinstance(value, os.PathLike):
        path = Path(os.fspath(value))
        return path.name, path.read_bytes()
    if isinstance(value, str):
        return None, value.encode("utf-8")
    read = getattr(value, "read", None)
    if callable(read):
        name = getattr(value, "name", None)
        filename = os.path.basename(name) if isinstance(name, str) and name else None
        if isinstance(value, io.TextIOBase):
            data = value.read()
            return filename, data.encode("utf-8") if isinstance(data, str) else data
        return filename, value  # type: ignore[return-value]
    raise TypeError(
        f"Expected a file value (bytes, a path, a binary file object or a (filename, content[, mime]) tuple),"
        f" got {type(value).__name__}"
    )


def to_httpx_file(field: str, value: FileTypes) -> HttpxFile:
    """``bytes`` / path / binary file / ``(filename, content[, mime])`` -> ``(filename, content, mime)``."""
    if isinstance(value, tuple):
        if len(value) not in (2, 3):
            raise TypeError(f"File tuple for {field!r} must be (filename, content) or (filename, content, mime)")
        filename = value[0]
        default_name, content = _content_of(value[1])
        mime = value[2] if len(value) == 3 else None
        name = filename if filename is not None else (default_name or field)
        return name, content, mime or _guess_mime(name) or "application/octet-stream"
    default_name, content = _content_of(value)
    name = default_name or field
    return name, content, _guess_mime(name) or "application/octet-stream"


def _is_file_value(value: object) -> bool:
    return isinstance(value, tuple) or is_file_content(value)


def _part_text(value: object, content_type: str) -> str:
    # a part declared as JSON carries JSON text (a string value too: quoted); other types carry the plain value
    if "json" in content_type:
        return to_json_bytes(value).decode("utf-8")
    return primitive_to_str(value)


def build_multipart(
    body: Mapping[str, Any],
    files: Sequence[str],
    styles: ParamStyles | None = None,
    part_types: Mapping[str, str] | None = None,
) -> tuple[list[FormField], list[tuple[str, HttpxFile]]]:
    """Split a multipart body into form fields and file parts.

    Names in ``files`` whose value is a file (or a list of files) become file parts, one ``name[]`` part per file
    of a list. Fields the spec gives an encoding for follow it: ``styles`` (``{name: (style, explode)}``) writes the
    value like a query parameter of that OpenAPI style; ``part_types`` (``{name: content type}``) sends it as parts
    of that type, JSON text for a JSON type, one part per item of a list. Every other field uses the bracket form
    the OpenAI API and its official SDKs use: objects as ``name[key]`` (nested: ``name[a][b]``), lists as repeated
    ``name[]``, scalars as text (booleans ``true``/``false``). ``None`` and ``NOT_GIVEN`` fields are left out.
    """
    styles = styles or {}
    part_types = part_types or {}
    fields: list[FormField] = []
    parts: list[tuple[str, HttpxFile]] = []
    for key, value in body.items():
        if value is None or isinstance(value, (NotGiven, Omit)):
            continue
        if key in files and _is_file_value(value):
            parts.append((key, to_httpx_file(key, value)))
        elif key in files and isinstance(value, list) and value and all(_is_file_value(item) for item in value):
            parts.extend((key + "[]", to_httpx_file(key, item)) for item in value)
        elif key in styles:
            fields.extend((name, text, None) for name, text in encode_query({key: value}, styles))
        elif key in part_types:
            content_type = part_types[key]
            items = value if isinstance(value, (list, tuple)) else [value]
            for item in items:
                if is_given(item) and item is not None:
                    fields.append((key, _part_text(item, content_type), content_type))
        else:
            pairs: list[tuple[str, str]] = []
            bracket_pairs(key, value, pairs)
            fields.extend((name, text, None) for name, text in pairs)
    return fields, parts
