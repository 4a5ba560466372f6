"""Normalisation of multipart file values into what the HTTP client sends."""

from __future__ import annotations

import io
import mimetypes
import os
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any, Optional, Union

from ._types import FileTypes, NotGiven, Omit
from ._utils import primitive_to_str

__all__ = ["build_multipart", "is_file_content", "to_httpx_file"]

HttpxFileContent = Union[bytes, IO[bytes]]
HttpxFile = tuple[Optional[str], HttpxFileContent, Optional[str]]


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


def _form_value(value: object) -> str:
    return primitive_to_str(value)


def build_multipart(
    body: Mapping[str, Any], files: tuple[str, ...] | list[str]
) -> tuple[list[tuple[str, str]], list[tuple[str, HttpxFile]]]:
    """Split a multipart body into form fields and file parts.

    Names listed in ``files`` become file parts (a list value gives one part per file); other fields become form
    fields: strings as is, booleans as ``true``/``false``, numbers via ``str``, lists as repeated fields and
    objects as JSON. ``None`` and ``NOT_GIVEN`` fields are left out.
    """
    data: list[tuple[str, str]] = []
    parts: list[tuple[str, HttpxFile]] = []
    for key, value in body.items():
        if value is None or isinstance(value, (NotGiven, Omit)):
            continue
        if key in files:
            if isinstance(value, list):
                for item in value:
                    parts.append((key, to_httpx_file(key, item)))
            else:
                parts.append((key, to_httpx_file(key, value)))
        elif isinstance(value, (list, tuple)):
            for item in value:
                if not isinstance(item, (NotGiven, Omit)):
                    data.append((key, _form_value(item)))
        else:
            data.append((key, _form_value(value)))
    return data, parts
