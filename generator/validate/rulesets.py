"""Rulesets: which rule families a validation runs. ``sdk`` (what generate needs) is always in; others add to it."""

from __future__ import annotations

from collections.abc import Iterable

from generator.errors import UsageError
from generator.validate.rules import RULES

# a ruleset name -> the rule families it turns on (a rule's family is Rule.ruleset)
BUILTIN: dict[str, tuple[str, ...]] = {
    "sdk": ("sdk",),
    "recommended": ("sdk", "recommended"),
    "security": ("sdk", "security"),
}
DEFAULT = ("sdk",)


def families(names: Iterable[str]) -> frozenset[str]:
    """The rule families of the named rulesets; an unknown name is a usage error."""
    result = {"sdk"}
    for name in names:
        if name not in BUILTIN:
            raise UsageError(f"unknown ruleset {name!r} (known: {', '.join(BUILTIN)})")
        result.update(BUILTIN[name])
    return frozenset(result)


def with_rulesets(levels: dict[str, str], names: Iterable[str]) -> dict[str, str]:
    """``levels`` plus, for every rule outside ``sdk`` the project did not level itself, its default severity when the
    named rulesets include its family and "off" when not (``sdk`` rules are always at their defaults)."""
    on = families(names)
    result = dict(levels)
    for rule in RULES.values():
        if rule.ruleset != "sdk":
            result.setdefault(rule.id, rule.severity if rule.ruleset in on else "off")
    return result
