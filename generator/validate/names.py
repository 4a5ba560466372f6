"""Name collisions (SF050-SF052): wire names that a target's naming turns into one identifier.

Validation is language-neutral: the target supplies its naming (``NameRules``), so a reported collision is one its
generator would hit. Without one the rules are not checked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from generator import pointer
from generator.frozen import frozen

if TYPE_CHECKING:
    from generator.validate.context import DocChecker

NAME_RULES = frozenset(("SF050", "SF051", "SF052"))


@frozen
class NameRules:
    """How a target names schemas (classes), properties (fields) and operations (methods)."""

    language: str
    class_name: Callable[[str], str]
    field_name: Callable[[str], str]
    method_name: Callable[[str], str]


def check_schema_names(checker: DocChecker, names: NameRules) -> None:
    """SF050: two component schemas become one class."""
    data = checker.doc.data
    components = data.get("components") if isinstance(data.get("components"), dict) else {}
    schemas = components.get("schemas") if isinstance(components, dict) else None
    if not isinstance(schemas, dict):
        return
    seen: dict[str, str] = {}
    for name in schemas:
        identifier = names.class_name(str(name))
        if identifier in seen:
            checker.report("SF050", f"schemas {seen[identifier]!r} and {name!r} both become the class `{identifier}`",
                           pointer.child("/components/schemas", name))
        else:
            seen[identifier] = str(name)


def check_property_names(checker: DocChecker, props: dict[Any, Any], ptr: str) -> None:
    """SF051: two properties of one object become one field."""
    names = checker.run.names
    if names is None:
        return
    seen: dict[str, str] = {}
    for name in props:
        identifier = names.field_name(str(name))
        if identifier in seen:
            checker.report("SF051", f"properties {seen[identifier]!r} and {name!r} both become `{identifier}` in "
                                    f"{names.language}", pointer.child(ptr, name))
        else:
            seen[identifier] = str(name)


def check_operation_name(checker: DocChecker, op_id: str, ptr: str, seen: dict[str, str]) -> None:
    """SF052: two operationIds become one method (``seen``: method name -> the operationId that took it)."""
    names = checker.run.names
    if names is None:
        return
    identifier = names.method_name(op_id)
    if identifier in seen:
        checker.report("SF052", f"operationIds {seen[identifier]!r} and {op_id!r} both become the method "
                                f"`{identifier}`", ptr)
    else:
        seen[identifier] = op_id
