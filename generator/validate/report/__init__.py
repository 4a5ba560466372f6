"""Report formats for Diagnostics: text (default), json, github, sarif, junit and gitlab; ``render`` picks one.

Every format gets the same ``Report``: the findings that are shown, how many an ignore file or an inline
``x-sdkforge-ignore`` suppressed, whether warnings fail (``--strict``) and the specs that were checked.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import IO

from generator.diagnostics import ERROR, Diagnostic
from generator.frozen import frozen

FORMATS = ("text", "json", "github", "sarif", "junit", "gitlab")
TOOL_URI = "https://github.com/sdkforge/sdkforge"


@frozen
class Report:
    diagnostics: Sequence[Diagnostic]
    ignored: int = 0  # findings suppressed by an ignore file or x-sdkforge-ignore
    strict: bool = False  # warnings fail too
    specs: Sequence[str] = ()  # the spec files checked (a file without findings still passes in junit)

    def counts(self) -> tuple[int, int]:
        """(errors, warnings)."""
        errors = sum(1 for d in self.diagnostics if d.severity == ERROR)
        return errors, len(self.diagnostics) - errors


def render(diagnostics: Sequence[Diagnostic] | Report, fmt: str = "text", stream: IO[str] | None = None) -> str:
    report = diagnostics if isinstance(diagnostics, Report) else Report(diagnostics)
    if fmt == "json":  # each format's module (and what it needs: xml, hashlib) imported only when it is chosen
        from generator.validate.report.json_format import render_json

        return render_json(report)
    if fmt == "github":
        from generator.validate.report.github import render_github

        return render_github(report)
    if fmt == "sarif":
        from generator.validate.report.sarif import render_sarif

        return render_sarif(report)
    if fmt == "junit":
        from generator.validate.report.junit import render_junit

        return render_junit(report)
    if fmt == "gitlab":
        from generator.validate.report.gitlab import render_gitlab

        return render_gitlab(report)
    from generator.validate.report.text import render_text

    return render_text(report, color=use_color(stream))


def use_color(stream: IO[str] | None) -> bool:
    if stream is None or "NO_COLOR" in os.environ:
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def rule_name(rule_id: str) -> str:
    """A rule's name (``path-param-undeclared``); a rule not in the table is named by its id."""
    from generator.validate.rules import RULES

    rule = RULES.get(rule_id)
    return rule.name if rule is not None else rule_id


def render_text(diagnostics: Sequence[Diagnostic], color: bool = False) -> str:
    from generator.validate.report.text import render_text as text

    return text(Report(diagnostics), color)
