"""Spectral's ``alphabetical`` function: the keys of an object, or the items of a list (``keyedBy`` a member), in
order; numbers compare as numbers, strings as a locale collation does (case-insensitive first, lower case first)."""

from __future__ import annotations

import math
from typing import Any

from generator.validate.custom.functions import PROPERTY, Finding
from generator.validate.custom.messages import print_value


def _number(value: Any) -> float:
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(value.strip()) if value.strip() else 0.0
    except ValueError:
        return math.nan


def _after(a: Any, b: Any) -> bool:
    """Whether ``a`` belongs after ``b`` (Spectral's compare(a, b) >= 1)."""
    a_number = isinstance(a, (int, float)) and not isinstance(a, bool)
    b_number = isinstance(b, (int, float)) and not isinstance(b, bool)
    if (a_number or math.isnan(_number(a))) and (b_number or not math.isnan(_number(b))):
        diff = _number(a) - _number(b)
        return not math.isnan(diff) and diff >= 1 or (0 < diff < 1)
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    return (a.casefold(), a.swapcase()) > (b.casefold(), b.swapcase())


def alphabetical(value: Any, options: dict[str, Any]) -> list[Finding]:
    if isinstance(value, list):
        items: list[Any] = value
    elif isinstance(value, dict):
        items = list(value)
    else:
        return []
    if len(items) < 2:
        return []
    keyed_by = (options or {}).get("keyedBy")
    if keyed_by is not None:
        if not all(isinstance(item, (dict, list)) for item in items):
            return [(f"{PROPERTY}must be an object", ())]
        items = [item.get(keyed_by) if isinstance(item, dict) else None for item in items]
    if not all(isinstance(item, (str, int, float)) and not isinstance(item, bool) for item in items):
        return [(f"{PROPERTY}must be one of the allowed types: number, string", ())]
    for i in range(len(items) - 1):
        if _after(items[i], items[i + 1]):
            if keyed_by is not None:
                return [("properties must follow the alphabetical order", ())]
            where = i if isinstance(value, list) else items[i]
            return [(f"{print_value(items[i])} must be placed after {print_value(items[i + 1])}", (where,))]
    return []
