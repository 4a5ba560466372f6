"""`$ref`s where OpenAPI allows none but whose meaning is clear, read as the author meant them (SF071, SF072).

* SF071 an operation written as a `$ref` (``get: {$ref: ops/get-thing.yml}``; OpenAPI allows `$ref` for a whole path
  item, not for one operation) is read as the operation it points at;
* SF072 a `$ref` where a string belongs (``description: {$ref: intro.yml#/introduction}``, or a Markdown file) is
  read as the text it points at.

The facts live here; the readers follow them with their own resolution of `$ref`s: bundling for generate
(``load/rewrite.py``) and validation (``validate/lenient_refs.py``), so both say the same thing at the same place.
"""

from __future__ import annotations

from typing import Any

from generator.load.kinds import MAP_KINDS

OPERATION_REF, STRING_REF = "SF071", "SF072"
#: keys of an object (not of a map of names) whose value OpenAPI wants as a string
STRING_KEYS = frozenset(("description", "summary"))


def string_ref(kind: int, key: Any, value: Any) -> str | None:
    """The `$ref` of ``value`` (under ``key`` of a container of ``kind``) when it stands where a string belongs."""
    if kind in MAP_KINDS or key not in STRING_KEYS or type(value) is not dict:
        return None
    ref = value.get("$ref")
    return ref if isinstance(ref, str) else None


def string_message(key: str, ref: str) -> str:
    return f"`{key}` is a $ref ({ref!r}) where OpenAPI wants a string; read as the text it points at"


def operation_message(method: str, ref: str) -> str:
    return (f"the {method.upper()} operation is a $ref ({ref!r}), which OpenAPI allows for a whole path item only; "
            "read as the operation it points at")
