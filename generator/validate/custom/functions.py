"""Spectral's core functions (truthy, falsy, defined, undefined, pattern, casing, length, enumeration, alphabetical,
schema, xor): each takes the target value and its options and returns findings, (message template, extra path).

Values are JSON as Spectral (JavaScript) sees them: ``UNDEFINED`` is a missing member, truthiness is JavaScript's.
Message templates use ``#{{print("property")}}`` / ``#{{print("value")}}`` as Spectral's do (``messages.py``).
Each function's options are checked once, when the ruleset is loaded (``check_options``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from generator.validate.custom.messages import UNDEFINED, print_value

Finding = tuple[str, tuple[Any, ...]]  # message template, path below the target
Function = Callable[[Any, dict[str, Any]], list[Finding]]

PROPERTY = '#{{print("property")}}'
VALUE = '#{{print("value")}}'


def js_truthy(value: Any) -> bool:
    if value is UNDEFINED or value is None or value is False:
        return False
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value != 0 and not math.isnan(value)
    if isinstance(value, str):
        return value != ""
    return True


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def truthy(value: Any, options: dict[str, Any]) -> list[Finding]:
    return [] if js_truthy(value) else [(f"{PROPERTY}must be truthy", ())]


def falsy(value: Any, options: dict[str, Any]) -> list[Finding]:
    return [(f"{PROPERTY}must be falsy", ())] if js_truthy(value) else []


def defined(value: Any, options: dict[str, Any]) -> list[Finding]:
    return [(f"{PROPERTY}must be defined", ())] if value is UNDEFINED else []


def undefined(value: Any, options: dict[str, Any]) -> list[Finding]:
    return [] if value is UNDEFINED else [(f"{PROPERTY}must be undefined", ())]


@lru_cache(maxsize=512)
def js_regex(pattern: str) -> re.Pattern[str]:
    """A JavaScript regular expression, ``/source/flags`` or a bare source, as Python reads it (ASCII ``\\d``, ``\\w``
    unless the ``u`` flag); raises re.error."""
    match = re.fullmatch(r"/(.+)/([a-z]*)", pattern, re.DOTALL)
    source, flags = (match.group(1), match.group(2)) if match else (pattern, "")
    mode = 0 if "u" in flags else re.ASCII
    mode |= re.IGNORECASE if "i" in flags else 0
    mode |= re.MULTILINE if "m" in flags else 0
    mode |= re.DOTALL if "s" in flags else 0
    return re.compile(source.replace("(?<", "(?P<").replace("(?P<=", "(?<=").replace("(?P<!", "(?<!"), mode)


def pattern(value: Any, options: dict[str, Any]) -> list[Finding]:
    if not isinstance(value, str):
        return []
    found: list[Finding] = []
    if "match" in options and not js_regex(options["match"]).search(value):
        found.append((f"{VALUE} must match the pattern {print_value(options['match'])}", ()))
    if "notMatch" in options and js_regex(options["notMatch"]).search(value):
        found.append((f"{VALUE} must not match the pattern {print_value(options['notMatch'])}", ()))
    return found


_DIGITS = "{D}"
CASES = {  # Spectral's casing patterns (facts): {D} is 0-9 unless disallowDigits
    "flat": "[a-z][a-z{D}]*",
    "camel": "[a-z][a-z{D}]*(?:[A-Z{D}](?:[a-z{D}]+|$))*",
    "pascal": "[A-Z][a-z{D}]*(?:[A-Z{D}](?:[a-z{D}]+|$))*",
    "kebab": "[a-z][a-z{D}]*(?:-[a-z{D}]+)*",
    "cobol": "[A-Z][A-Z{D}]*(?:-[A-Z{D}]+)*",
    "snake": "[a-z][a-z{D}]*(?:_[a-z{D}]+)*",
    "macro": "[A-Z][A-Z{D}]*(?:_[A-Z{D}]+)*",
}


@lru_cache(maxsize=128)
def _casing_regex(kind: str, digits: bool, char: str | None, leading: bool) -> re.Pattern[str]:
    base = CASES[kind].replace(_DIGITS, "0-9" if digits else "")
    if not char:  # no separator, or "" (JavaScript's [] matches nothing)
        return re.compile(f"^{base}$")
    sep = f"[{re.escape(char)}]"
    return re.compile(f"^{sep + '?' if leading else ''}{base}(?:{sep}{base})*$")


def casing(value: Any, options: dict[str, Any]) -> list[Finding]:
    if not isinstance(value, str) or not value:
        return []
    separator = options.get("separator") or {}
    char, leading = separator.get("char"), separator.get("allowLeading") is True
    if len(value) == 1 and leading and value == char:
        return []
    regex = _casing_regex(options["type"], options.get("disallowDigits") is not True, char, leading)
    return [] if regex.search(value) else [(f"must be {options['type']} case", ())]


def length(value: Any, options: dict[str, Any]) -> list[Finding]:
    if isinstance(value, (dict, list, str)):
        size: float = len(value)
    elif _is_number(value):
        size = value
    else:
        return []
    found: list[Finding] = []
    if "min" in options and size < options["min"]:
        found.append((f"{PROPERTY}must be longer than {print_value(options['min'])}", ()))
    if "max" in options and size > options["max"]:
        found.append((f"{PROPERTY}must be shorter than {print_value(options['max'])}", ()))
    return found


def same_value(a: Any, b: Any) -> bool:
    """JavaScript's SameValueZero on JSON values (``true`` is not ``1``)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if _is_number(a) and _is_number(b):
        return bool(a == b)
    return type(a) is type(b) and a == b


def enumeration(value: Any, options: dict[str, Any]) -> list[Finding]:
    if value is UNDEFINED or isinstance(value, (dict, list)):
        return []
    values = options["values"]
    if any(same_value(value, allowed) for allowed in values):
        return []
    allowed = ", ".join(print_value(v) for v in values)
    return [(f"{VALUE} must be equal to one of the allowed values: {allowed}", ())]


def xor(value: Any, options: dict[str, Any]) -> list[Finding]:
    names = options["properties"]
    if not isinstance(value, dict) or len(names) < 2:
        return []
    present = [key for key in value if key in names]
    if not present:
        if len(names) > 4:
            shown = '" or "'.join(names[:3])
            return [(f'At least one of "{shown}" or {len(names) - 3} other properties must be defined', ())]
        return [('At least one of "' + '" or "'.join(names) + '" must be defined', ())]
    if len(present) > 1:
        return [('Just one of "' + '" and "'.join(present) + '" must be defined', ())]
    return []
