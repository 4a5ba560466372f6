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
    """``levels`` plus, for every rule the project did not level itself, its table severity inside the named rulesets
    and "off" outside them, where that differs from ``default_level``."""
    on = families(names)
    result = dict(levels)
    for rule in RULES.values():
        wanted = rule.severity if rule.ruleset in on else "off"
        if wanted != default_level(rule.id):
            result.setdefault(rule.id, wanted)
    return result


_DEFAULT_FAMILIES = families(DEFAULT)


def default_level(rule_id: str) -> str:
    """The level of a rule nobody levelled: its table severity in the default rulesets, else "off" (a caller that
    did not choose rulesets, such as `sdkforge generate`, runs the default ones)."""
    rule = RULES[rule_id]
    return rule.severity if rule.ruleset in _DEFAULT_FAMILIES else "off"
