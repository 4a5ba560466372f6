"""What is wrong with a configuration: pydantic's errors as one Diagnostic each, naming file, line and key.

Allowed keys and values come from the configuration's JSON Schema, so "did you mean" suggests what the reader accepts.
"""

from __future__ import annotations

import difflib
import json
import re
from typing import Any

from pydantic import ValidationError

from generator.config.lines import KeyPath, line_of
from generator.config.schema import config_schema, node_at
from generator.diagnostics import ERROR, Diagnostic

_EXPECTED = {  # pydantic error type -> what the key needs
    "string_type": "a string",
    "int_type": "an integer",
    "int_parsing": "an integer",
    "int_from_float": "an integer",
    "tuple_type": "an array",
    "list_type": "an array",
    "dict_type": "a table",
    "model_type": "a table",
    "model_attributes_type": "a table",
}
_TYPE_NAMES = {str: "a string", int: "an integer", float: "a float", bool: "a boolean", list: "an array", dict: "a table"}
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def diagnostics(error: ValidationError, file: str, prefix: KeyPath, lines: dict[KeyPath, int]) -> list[Diagnostic]:
    """One Diagnostic per problem, in the order of the file; ``prefix`` is where the table sits (tool.sdkforge)."""
    schema = config_schema()
    found = []
    for problem in error.errors():
        path = prefix + tuple(part for part in problem["loc"] if part != "[key]")  # a bad key: pydantic adds [key]
        message = f"{key_path(path)}: {_describe(problem, schema)}"
        found.append(Diagnostic("", ERROR, message, file, line_of(lines, path)))
    return sorted(found, key=lambda d: d.line)


def key_path(path: KeyPath) -> str:
    """("tool", "sdkforge", "targets", 0, "pagination", "videos.list") -> tool.sdkforge.targets[0].pagination."videos.list"."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            name = part if _BARE_KEY.match(part) else json.dumps(part)
            text += f".{name}" if text else name
    return text or "(the configuration)"


def _describe(problem: Any, schema: dict[str, Any]) -> str:
    kind, loc, value = problem["type"], tuple(problem["loc"]), problem.get("input")
    if kind == "extra_forbidden":
        known = list(node_at(schema, loc[:-1]).get("properties", {}))
        return "unknown key" + _did_you_mean(str(loc[-1]), known)
    if kind == "literal_error":
        allowed = [str(v) for v in node_at(schema, loc).get("enum", [])]
        listed = ", ".join(json.dumps(v) for v in allowed)
        return f"{_show(value)} is not one of {listed}" + _did_you_mean(str(value), allowed)
    if kind == "missing":
        return "required key is missing"
    if kind in _EXPECTED:
        return f"expected {_EXPECTED[kind]}, got {_type_name(value)}"
    if kind == "string_pattern_mismatch":
        pattern = problem["ctx"]["pattern"]
        return f"{_show(value)} does not match the pattern {pattern}" + suggestion(pattern, str(value))
    message = str(problem["msg"])
    return f"{message[:1].lower()}{message[1:]}, got {_show(value)}"


def suggestion(pattern: str, value: str) -> str:
    """``; try 'azure_sql'`` for ``Azure_Sql`` where an identifier is wanted; "" when no fix-up passes the pattern."""
    fixed = re.sub(r"[^a-z0-9_]+", "_", re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", value).lower())
    fixed = re.sub(r"__+", "_", fixed).strip("_") or "sdk"
    fixed = f"n_{fixed}" if fixed[0].isdigit() else fixed
    return f"; try {fixed!r}" if fixed != value and re.match(pattern, fixed) else ""


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1) or difflib.get_close_matches(word.lower(), choices, n=1)
    return f'; did you mean "{close[0]}"?' if close else ""


def _show(value: Any) -> str:
    try:
        return json.dumps(value)
    except (TypeError, ValueError):
        return repr(value)


def _type_name(value: Any) -> str:
    return next((name for kind, name in _TYPE_NAMES.items() if type(value) is kind), type(value).__name__)
