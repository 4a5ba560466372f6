"""Small helpers used by the runtime and by generated resources."""

from __future__ import annotations

import datetime as _dt
import enum
import json
import re
import uuid
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from ._types import NotGiven, Omit, ParamStyles

__all__ = [
    "bracket_pairs",
    "encode_query",
    "is_given",
    "json_default",
    "path_template",
    "primitive_to_str",
    "strip_not_given",
    "to_json_bytes",
]

_FORBIDDEN_SEGMENTS = ("", ".", "..")


def path_template(
    template: str, *, _styles: Mapping[str, tuple[str, bool, str]] | None = None, **values: object
) -> str:
    """Fill ``{name}`` placeholders of ``template``, each value percent-encoded as exactly one path segment.

    ``path_template("/files/{file_id}", file_id="a/b?c")`` gives ``"/files/a%2Fb%3Fc"``. Values that would turn
    into an empty, ``.`` or ``..`` segment are rejected with ``ValueError`` before any request is sent. Lists and
    dicts, and parameters with a declared ``style`` (``_styles``: name -> (style, explode, wire name)), are written
    as OpenAPI's simple, label and matrix styles say, each value percent-encoded and the separators kept.
    """
    pieces = _templates.get(template)
    if pieces is None:
        pieces = _templates[template] = _split_template(template)
    result: list[str] = []
    for literal, name in pieces:
        result.append(literal)
        if name is None:
            break
        if name is _UNCLOSED:
            raise ValueError(f"Unclosed placeholder in path template {template!r}")
        if name not in values:
            raise ValueError(f"Missing value for path parameter {name!r}")
        raw = values[name]
        if isinstance(raw, NotGiven) or raw is None:
            raise ValueError(f"Expected a value for path parameter {name!r}, got {raw!r}")
        style = _styles.get(name) if _styles else None
        if style is not None or isinstance(raw, (list, tuple, dict)):
            text = _styled_path_value(raw, *(style or ("simple", False, name)))
            if raw == "" or text in _FORBIDDEN_SEGMENTS:
                raise ValueError(f"Expected a non-empty value for path parameter {name!r}, got {raw!r}")
            result.append(text)
            continue
        text = primitive_to_str(raw)
        if text in _FORBIDDEN_SEGMENTS:
            raise ValueError(
                f"Expected a non-empty value for path parameter {name!r} that is not '.' or '..', got {text!r}"
            )
        result.append(text if _is_unreserved(text) else quote(text, safe=""))
    return "".join(result)


def _styled_path_value(raw: object, style: str, explode: bool, wire: str) -> str:
    """One path parameter in OpenAPI's ``simple``, ``label`` or ``matrix`` style (RFC 6570 path expansions)."""

    def enc(value: object) -> str:
        return quote(primitive_to_str(value), safe="")

    if isinstance(raw, dict):
        pairs = [(enc(k), enc(v)) for k, v in raw.items()]
        items = [f"{k}={v}" for k, v in pairs] if explode else [part for pair in pairs for part in pair]
    elif isinstance(raw, (list, tuple)):
        items = [enc(v) for v in raw]
    else:
        items = [enc(raw)]
    if style == "label":
        return "." + ("." if explode else ",").join(items)
    if style == "matrix":
        if explode and isinstance(raw, dict):
            return "".join(f";{item}" for item in items)
        if explode and isinstance(raw, (list, tuple)):
            return "".join(f";{enc(wire)}={item}" for item in items)
        return f";{enc(wire)}" + ("=" + ",".join(items) if items != [""] else "")
    return ",".join(items)


# what ``quote(text, safe="")`` leaves as it is
_is_unreserved = re.compile(r"[A-Za-z0-9_.~-]+").fullmatch
_templates: dict[str, tuple[tuple[str, str | None], ...]] = {}
_UNCLOSED: Any = object()


def _split_template(template: str) -> tuple[tuple[str, str | None], ...]:
    """``"/a/{x}/b"`` -> ``(("/a/", "x"), ("/b", None))``: literal text, then the placeholder after it (if any)."""
    pieces: list[tuple[str, str | None]] = []
    rest = template
    while True:
        start = rest.find("{")
        if start < 0:
            pieces.append((rest, None))
            return tuple(pieces)
        end = rest.find("}", start)
        if end < 0:  # reported when reached, after the placeholders before it
            pieces.append((rest[:start], _UNCLOSED))
            return tuple(pieces)
        pieces.append((rest[:start], rest[start + 1 : end]))
        rest = rest[end + 1 :]


def is_given(value: object) -> bool:
    return not isinstance(value, (NotGiven, Omit))


_PLAIN_SCALARS = frozenset({str, int, float, bool, type(None)})


def strip_not_given(value: Any) -> Any:
    """Drop ``NOT_GIVEN`` / ``Omit`` entries from mappings, recursively (lists are walked too)."""
    if type(value) is dict:
        for item in value.values():
            if type(item) not in _PLAIN_SCALARS:
                break
        else:  # nothing to strip nor to walk into: a copy would be equal
            return value
    if isinstance(value, Mapping):
        return {k: strip_not_given(v) for k, v in value.items() if is_given(v)}
    if isinstance(value, (list, tuple)):
        return [strip_not_given(v) for v in value if is_given(v)]
    return value


def json_default(value: object) -> object:
    """``json.dumps`` fallback for models, dates, UUIDs, enums and bytes."""
    model_dump = getattr(value, "model_dump", None)
    if callable(model_dump):
        return model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", errors="replace")
    if isinstance(value, (set, frozenset)):
        return list(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


# what ``json.dumps(..., default=json_default[, ensure_ascii=False])`` builds on every call, built once
_JSON_ENCODER = json.JSONEncoder(default=json_default, ensure_ascii=False)
_ASCII_JSON_ENCODER = json.JSONEncoder(default=json_default)


def to_json_bytes(value: object) -> bytes:
    return _JSON_ENCODER.encode(strip_not_given(value)).encode("utf-8")


def primitive_to_str(value: object) -> str:
    """How a scalar is written in a path, query, header, cookie or form field."""
    if type(value) is str:
        return value
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, enum.Enum):
        return primitive_to_str(value.value)
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, (dict, list, tuple)) or hasattr(value, "model_dump"):
        return _ASCII_JSON_ENCODER.encode(strip_not_given(value))
    return str(value)


def bracket_pairs(prefix: str, value: object, out: list[tuple[str, str]]) -> None:
    """Append ``value`` to ``out`` in bracket form: ``prefix[key]`` for object entries (nested: ``prefix[a][b]``),
    ``prefix[]`` for list items, ``prefix`` for a scalar. ``NOT_GIVEN`` / ``Omit`` and ``None`` entries are left out.
    """
    model_dump = getattr(value, "model_dump", None)
    if callable(model_dump):
        value = model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        for key, item in value.items():
            if is_given(item) and item is not None:
                bracket_pairs(f"{prefix}[{key}]", item, out)
    elif isinstance(value, (list, tuple)):
        for item in value:
            if is_given(item) and item is not None:
                bracket_pairs(f"{prefix}[]", item, out)
    else:
        out.append((prefix, primitive_to_str(value)))


def encode_query(params: Mapping[str, object], styles: ParamStyles | None = None) -> list[tuple[str, str]]:
    """Serialise query parameters per OpenAPI style (``form`` + explode unless ``styles`` says otherwise).

    ``NOT_GIVEN``, ``Omit`` and ``None`` values are left out; booleans are written ``true`` / ``false``.
    """
    styles = styles or {}
    out: list[tuple[str, str]] = []
    for key, value in params.items():
        if value is None or isinstance(value, (NotGiven, Omit)):
            continue
        style, explode = styles.get(key, ("form", True))
        if isinstance(value, Mapping):
            value = strip_not_given(value)
            if style == "deepObject":
                bracket_pairs(key, value, out)
            elif explode:
                for sub_key, sub_value in value.items():
                    if sub_value is not None:
                        out.append((str(sub_key), primitive_to_str(sub_value)))
            else:
                flat: list[str] = []
                for sub_key, sub_value in value.items():
                    flat.extend((str(sub_key), primitive_to_str(sub_value)))
                out.append((key, ",".join(flat)))
        elif isinstance(value, (list, tuple, set, frozenset)):
            items = [primitive_to_str(v) for v in value if is_given(v)]
            if style == "deepObject":
                bracket_pairs(key, list(value), out)
            elif explode and style in ("form", ""):
                out.extend((key, item) for item in items)
            elif style == "spaceDelimited":
                out.append((key, " ".join(items)))
            elif style == "pipeDelimited":
                out.append((key, "|".join(items)))
            else:
                out.append((key, ",".join(items)))
        else:
            out.append((key, primitive_to_str(value)))
    return out
