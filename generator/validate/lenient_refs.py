"""Validation's reading of `$ref`s where OpenAPI allows none but whose meaning is clear (load/leniency/refs.py):
the same warnings, at the same places, as generate's bundling gives (SF071, SF072)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator import pointer
from generator.load.leniency.refs import OPERATION_REF, STRING_REF, operation_message, string_message
from generator.load.positions import locate
from generator.validate.refs import Unresolved

if TYPE_CHECKING:
    from generator.validate.context import DocChecker


def read_string_ref(checker: DocChecker, obj: dict[Any, Any], key: str, ref: str, ptr: str) -> bool:
    """SF072: ``obj[key]`` is a `$ref` where a string belongs; when it points at a string (in a YAML/JSON file, or a
    text file) that string replaces it (the structural check then sees the text) and True is returned."""
    try:
        value = checker.resolve(ref)[2]
    except Unresolved:
        return False
    if not isinstance(value, str):
        return False
    rptr = pointer.child(ptr, key) + "/$ref"
    doc = checker.doc
    checker.run.report(STRING_REF, string_message(key, ref), doc, rptr, position=locate(doc, rptr))
    obj[key] = value
    return True


def resolved_operation(checker: DocChecker, method: str, op: dict[Any, Any], optr: str) -> tuple[DocChecker, Any, str]:
    """SF071: an operation that is a `$ref` -> the checker of the file it is in, the operation and its pointer there
    (None for the operation when the `$ref` points at nothing usable: the walk reports that, SF002)."""
    ref = op["$ref"]
    try:
        doc, target_ptr, value = checker.resolve(ref)
    except Unresolved:
        return checker, None, optr
    if not isinstance(value, dict) or "$ref" in value:
        return checker, None, optr
    checker.report(OPERATION_REF, operation_message(method, str(ref)), optr + "/$ref")
    return checker.run.checker(doc), value, target_ptr


def resolved_path_item(checker: DocChecker, item: dict[Any, Any], ptr: str) -> tuple[DocChecker, Any, str]:
    """A path item that is a `$ref` (allowed) -> the checker of its file, the path item and its pointer there."""
    try:
        doc, target_ptr, value = checker.resolve(item["$ref"])
    except Unresolved:
        return checker, None, ptr
    if not isinstance(value, dict) or "$ref" in value:
        return checker, None, ptr
    return checker.run.checker(doc), value, target_ptr
