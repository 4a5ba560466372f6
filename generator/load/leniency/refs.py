"""`$ref`s where OpenAPI allows none but whose meaning is clear, read as the author meant them (SF071, SF072).

* SF071 an operation written as a `$ref` (``get: {$ref: ops/get-thing.yml}``; OpenAPI allows `$ref` for a whole path
  item, not for one operation) is read as the operation it points at;
* SF072 a `$ref` where a string belongs (``description: {$ref: intro.yml#/introduction}``, or a Markdown file) is
  read as the text it points at.

The facts live here; the readers follow them with their own resolution of `$ref`s: bundling for generate
(``load/rewrite.py``) and validation (``validate/lenient_refs.py``), so both say the same thing at the same place.
An operation `$ref` local to a document read whole (``#/x-operations/getThing``, no other file involved) is a finding
of the lenient scan (``local_operation_refs``), whose fix puts the operation it points at in its place.
"""

from __future__ import annotations

from typing import Any

from generator import pointer as json_pointer
from generator.load.kinds import EXTENSION, MAP_KINDS, METHODS
from generator.load.leniency.finding import Finding
from generator.load.leniency.structure import set_key

OPERATION_REF, STRING_REF = "SF071", "SF072"
#: keys of an object (not of a map of names) whose value OpenAPI wants as a string
STRING_KEYS = frozenset(("description", "summary"))


def string_ref(kind: int, key: Any, value: Any) -> str | None:
    """The `$ref` of ``value`` (under ``key`` of a container of ``kind``) when it stands where a string belongs."""
    if kind in MAP_KINDS or kind == EXTENSION or key not in STRING_KEYS or type(value) is not dict:
        return None
    ref = value.get("$ref")
    return ref if isinstance(ref, str) else None


def string_message(key: str, ref: str) -> str:
    return f"`{key}` is a $ref ({ref!r}) where OpenAPI wants a string; read as the text it points at"


def operation_message(method: str, ref: str) -> str:
    return (f"the {method.upper()} operation is a $ref ({ref!r}), which OpenAPI allows for a whole path item only; "
            "read as the operation it points at")


def local_operation_refs(data: dict[str, Any]) -> list[Finding]:
    """SF071 for operations that are local `$ref`s (``#/...``) to an operation object of the same document."""
    found: list[Finding] = []
    for section in ("paths", "webhooks"):
        items = data.get(section)
        for path, item in items.items() if isinstance(items, dict) else ():
            for method in METHODS if isinstance(item, dict) else ():
                op = item.get(method)
                ref = op.get("$ref") if type(op) is dict else None
                if not (isinstance(ref, str) and ref.startswith("#/")):
                    continue
                target = json_pointer.walk(data, ref[1:])
                if type(target) is dict and "$ref" not in target:
                    where = ((((None, section), path), method), "$ref")
                    found.append(Finding(OPERATION_REF, operation_message(method, ref), where,
                                         set_key(item, method, target)))
    return found
