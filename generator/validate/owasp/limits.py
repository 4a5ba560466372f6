"""Resource limits (SF220-SF222): strings, arrays and integers are bounded; checked on every schema the walk reaches."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator import pointer
from generator.validate.levels import turned_off

if TYPE_CHECKING:
    from generator.validate.context import DocChecker

LIMIT_RULES = ("SF220", "SF221", "SF222")


def limits_wanted(levels: dict[str, str]) -> bool:
    """Whether the walk checks each schema's bounds (SF220-SF222)."""
    return not set(LIMIT_RULES) <= turned_off(levels)


def check_limits(checker: DocChecker, schema: dict[str, Any], ptr: str) -> None:
    """One schema: its `type` (a name, or a 3.1 list of names) decides which bound it needs."""
    kind = schema.get("type")
    types = set(kind) if isinstance(kind, list) else {kind} if isinstance(kind, str) else set()
    if not types:
        return
    where = pointer.child(ptr, "type")
    if "string" in types and not schema.keys() & {"maxLength", "enum", "const"}:
        checker.report("SF220", "string schema has no `maxLength` (nor `enum`/`const`)", where)
    if "array" in types and "maxItems" not in schema:
        checker.report("SF221", "array schema has no `maxItems`", where)
    if "integer" in types:
        missing = [bound for bound, keys in (("lower", ("minimum", "exclusiveMinimum")),
                                             ("upper", ("maximum", "exclusiveMaximum")))
                   if not any(_bound(schema.get(key)) for key in keys)]
        if missing:
            checker.report("SF222", f"integer schema has no {' and no '.join(missing)} bound", where)


def _bound(value: Any) -> bool:
    """A number bounds; a 3.0 boolean `exclusiveMinimum` only qualifies `minimum` (the lenient reading turned the
    forms a document mixes into its own version's form before the walk)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)
