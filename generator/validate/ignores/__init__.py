"""Ignores: findings a team has accepted, filtered out after every rule ran (never inside a rule).

Two sources, both keyed so they survive lines moving: an inline ``x-sdkforge-ignore: [rule, ...]`` on any object of
a spec (``inline``: the findings at that object or below it), and an ignore file (``file``: spec file -> rule ->
JSON pointers, written by ``--generate-ignore-file``). A rule is named by its id (``SF011``) or its name
(``path-param-undeclared``). An unusable file (SF000) is never ignored.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.diagnostics import Diagnostic
from generator.frozen import frozen


@frozen
class Filtered:
    kept: list[Diagnostic]
    ignored: int  # findings suppressed
    stale: int = 0  # ignore-file entries no finding matched any more (fixed problems)


def rule_keys(rule_id: str) -> tuple[str, str]:
    """The two spellings a rule can be named by in an ignore: its id and its name."""
    from generator.validate.report import rule_name

    return rule_id, rule_name(rule_id)


def ignorable(d: Diagnostic) -> bool:
    return d.rule != "SF000"


def without_inline(diagnostics: Sequence[Diagnostic]) -> Filtered:
    """The findings an inline ``x-sdkforge-ignore`` does not name."""
    from generator.validate.ignores.inline import InlineIgnores

    inline = InlineIgnores()
    kept = [d for d in diagnostics if not (ignorable(d) and inline.ignores(d))]
    return Filtered(kept, len(diagnostics) - len(kept))
