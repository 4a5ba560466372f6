"""Message templates as Spectral fills them: ``{{property}}``, ``{{value}}``, ``{{path}}``, ``{{error}}``,
``{{description}}`` and ``#{{print("property")}}`` / ``#{{print("value")}}``; values printed the way Spectral prints."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any


class _Undefined:
    """A missing member (JavaScript's ``undefined``)."""

    def __repr__(self) -> str:
        return "undefined"


UNDEFINED: Any = _Undefined()

_PLACEHOLDER = re.compile(r"#\{\{\s*print\(\s*[\"']([A-Za-z]+)[\"']\s*\)\s*\}\}|\{\{\s*([A-Za-z]+)\s*\}\}")


def print_value(value: Any) -> str:
    if value is UNDEFINED:
        return "undefined"
    if isinstance(value, list):
        return "Array[]"
    if isinstance(value, dict):
        return "Object{}"
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return str(value)


def js_string(value: Any) -> str:
    """JavaScript's ``String(value)`` of a JSON value."""
    if value is UNDEFINED:
        return "undefined"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "[object Object]"
    if isinstance(value, list):
        return ",".join("" if v is None else js_string(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def print_dot_path(tokens: Sequence[Any]) -> str:
    """A path as Spectral's dot style prints it (``paths['/a b'].get``, ``tags[0]``)."""
    out = ""
    for i, token in enumerate(tokens):
        text = str(token)
        if isinstance(token, int) or (text and _numeric(text)):
            out += f"[{text}]"
        elif text == "" or re.search(r"\s", text):
            out += f"['{text}']"
        else:
            out += ("." if i else "") + text
    return out


def _numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def render(template: str, values: dict[str, Any]) -> str:
    """Fill a template; ``values`` holds property, value, path, error, description."""

    def fill(match: re.Match[str]) -> str:
        printed, plain = match.group(1), match.group(2)
        if printed == "property":
            prop = values.get("property")
            return f'"{prop}" property ' if prop not in (None, "") else "The document "
        if printed == "value":
            return print_value(values.get("value", UNDEFINED))
        name = printed or plain
        return js_string(values[name]) if name in values else ""

    return _PLACEHOLDER.sub(fill, template)
