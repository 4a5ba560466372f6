"""Rule levels: a project's re-levelling of rules (``off`` / ``error`` / ``warning``), checked against the table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.errors import UsageError
from generator.validate.rules import BY_NAME, LEVELS, RULES


def rule_id(key: Any) -> str | None:
    """The id of a rule written as its id (``SF023``, any case) or its name (``operation-tags``); None: unknown."""
    text = str(key)
    if text.upper() in RULES:
        return text.upper()
    return BY_NAME.get(text)


def check_rule_config(rules: dict[Any, Any] | None) -> dict[str, str]:
    """Validate a ``{rule id or name: "off"|"error"|"warning"}`` mapping (-> keyed by id); raises UsageError."""
    result: dict[str, str] = {}
    for key, level in (rules or {}).items():
        rule_id_ = rule_id(key)
        if rule_id_ is None:
            raise UsageError(f"unknown rule {key!r} in the validate rules config (an id such as SF023 or a name such "
                             "as operation-tags; `sdkforge validate --help` lists where the rules are documented)")
        rid = rule_id_
        if rid == "SF000":
            raise UsageError("rule SF000 (unusable input) cannot be re-levelled")
        lvl = str(level).lower()
        if lvl not in LEVELS:
            raise UsageError(f"rule {key}: level must be one of off, error, warning, not {level!r}")
        result[rid] = lvl
    return result


def read_config(path: str | Path | None) -> dict[str, str]:
    """The checked rule levels of a config file (``--config``, else ./sdkforge.yaml or ./pyproject.toml if present)."""
    from generator.config import rule_levels

    return check_rule_config(rule_levels(path))


def level(levels: dict[str, str], rule: str) -> str:
    """A rule's level: the project's, else the table's default for an ``sdk`` rule; the other families' rules are
    off unless a ruleset (rulesets.with_rulesets) or the project levels them."""
    found = levels.get(rule)
    if found is not None:
        return found
    entry = RULES[rule]
    return entry.severity if entry.ruleset == "sdk" else "off"


def family_on(levels: dict[str, str], family: str) -> bool:
    """Whether any rule of a family (Rule.ruleset: "recommended", "security") is on: its checks, and their imports,
    are skipped when none is."""
    return any(level(levels, rule.id) != "off" for rule in RULES.values() if rule.ruleset == family)


def turned_off(levels: dict[str, str]) -> set[str]:
    return {rule for rule in RULES if level(levels, rule) == "off"}
