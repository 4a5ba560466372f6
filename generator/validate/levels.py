"""Rule levels: a project's re-levelling of rules (``off`` / ``error`` / ``warning``), checked against the table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.errors import UsageError
from generator.validate.rules import LEVELS, RULES


def check_rule_config(rules: dict[Any, Any] | None) -> dict[str, str]:
    """Validate a ``{rule id: "off"|"error"|"warning"}`` mapping; raises UsageError."""
    result: dict[str, str] = {}
    for rule_id, level in (rules or {}).items():
        rid = str(rule_id).upper()
        if rid not in RULES:
            raise UsageError(f"unknown rule {rule_id!r} in the validate rules config (known: {min(RULES)}-{max(RULES)})")
        if rid == "SF000":
            raise UsageError("rule SF000 (unusable input) cannot be re-levelled")
        lvl = str(level).lower()
        if lvl not in LEVELS:
            raise UsageError(f"rule {rule_id}: level must be one of off, error, warning, not {level!r}")
        result[rid] = lvl
    return result


def read_config(path: str | Path | None) -> dict[str, str]:
    """The checked rule levels of a config file (``--config``, else ./sdkforge.yaml or ./pyproject.toml if present)."""
    from generator.config import rule_levels

    return check_rule_config(rule_levels(path))


def level(levels: dict[str, str], rule: str) -> str:
    """A rule's level: the project's, else the table's default."""
    return levels.get(rule, RULES[rule].severity)


def turned_off(levels: dict[str, str]) -> set[str]:
    return {rule for rule in RULES if level(levels, rule) == "off"}
