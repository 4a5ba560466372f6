"""Render Diagnostics: text (default), json, github (workflow commands) and sarif (2.1.0).

JSON shape (``--format json``)::

    {
      "version": 1,
      "summary": {"errors": <int>, "warnings": <int>, "files": <int>},
      "diagnostics": [
        {"rule": "SF002", "severity": "error" | "warning", "message": str, "file": str,
         "line": int, "column": int,          # 1-based; 0 when unknown
         "pointer": str,                      # RFC 6901 JSON pointer into `file` ("" = the whole document)
         "hint": str}
      ]
    }

GitHub format: one ``::error file=F,line=L,col=C,title=SF002::message (at /pointer) hint: ...`` line per diagnostic
(``::warning`` for warnings), property values and messages escaped as the workflow-command syntax requires.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import IO, Any

from generator.diagnostics import Diagnostic
from generator.validate.rules import RULES

FORMATS = ("text", "json", "github", "sarif")
TOOL_URI = "https://github.com/sdkforge/sdkforge"


def render(diagnostics: Sequence[Diagnostic], fmt: str = "text", stream: IO[str] | None = None) -> str:
    if fmt == "json":
        return render_json(diagnostics)
    if fmt == "github":
        return render_github(diagnostics)
    if fmt == "sarif":
        return render_sarif(diagnostics)
    return render_text(diagnostics, color=use_color(stream))


def use_color(stream: IO[str] | None) -> bool:
    if stream is None or "NO_COLOR" in os.environ:
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _counts(diagnostics: Sequence[Diagnostic]) -> tuple[int, int]:
    errors = sum(1 for d in diagnostics if d.severity == "error")
    return errors, len(diagnostics) - errors


def render_text(diagnostics: Sequence[Diagnostic], color: bool = False) -> str:
    def paint(code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if color else text

    lines = []
    for d in diagnostics:
        sev = paint("1;31", "error") if d.severity == "error" else paint("1;33", "warning")
        pointer = f" (at {d.pointer or '/'})" if d.pointer or d.rule != "SF000" else ""
        lines.append(f"{paint('1', d.where())}: {sev} {paint('36', d.rule)} {d.message}{pointer}")
        if d.hint:
            lines.append(f"  {paint('2', 'hint:')} {d.hint}")
    errors, warnings = _counts(diagnostics)
    if diagnostics:
        lines.append(f"{errors} error(s), {warnings} warning(s)")
    else:
        lines.append("no problems found")
    return "\n".join(lines) + "\n"


def render_json(diagnostics: Sequence[Diagnostic]) -> str:
    errors, warnings = _counts(diagnostics)
    payload = {
        "version": 1,
        "summary": {"errors": errors, "warnings": warnings, "files": len({d.file for d in diagnostics})},
        "diagnostics": [d.as_dict() for d in diagnostics],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(diagnostics: Sequence[Diagnostic]) -> str:
    lines = []
    for d in diagnostics:
        props = [f"file={_gh_prop(d.file)}"]
        if d.line:
            props.append(f"line={d.line}")
            if d.column:
                props.append(f"col={d.column}")
        props.append(f"title={_gh_prop(d.rule)}")
        message = d.message
        if d.pointer:
            message += f" (at {d.pointer})"
        if d.hint:
            message += f" hint: {d.hint}"
        lines.append(f"::{d.severity} {','.join(props)}::{_gh_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def _uri(path: str) -> str:
    from urllib.parse import quote

    p = path.replace(os.sep, "/")
    if os.path.isabs(path):
        return "file://" + quote(p)
    return quote(p)


def render_sarif(diagnostics: Sequence[Diagnostic]) -> str:
    used = sorted({d.rule for d in diagnostics})
    rule_index = {rid: i for i, rid in enumerate(used)}
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "sdkforge", "informationUri": TOOL_URI, "rules": [_sarif_rule(r) for r in used]}},
            "results": [_sarif_result(d, rule_index[d.rule]) for d in diagnostics],
            "columnKind": "unicodeCodePoints",
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _sarif_rule(rule_id: str) -> dict[str, Any]:
    rule = RULES.get(rule_id)
    if rule is None:  # a custom rule (a Spectral ruleset's): its name is its id
        return {"id": rule_id, "name": rule_id, "shortDescription": {"text": rule_id}}
    return {
        "id": rule_id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "help": {"text": rule.hint},
        "defaultConfiguration": {"level": "none" if rule.severity == "off" else rule.severity},
    }


def _sarif_result(d: Diagnostic, rule_index: int) -> dict[str, Any]:
    region: dict[str, int] = {}
    if d.line:
        region["startLine"] = d.line
        if d.column:
            region["startColumn"] = d.column
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(d.file)}}
    if region:
        physical["region"] = region
    return {
        "ruleId": d.rule,
        "ruleIndex": rule_index,
        "level": d.severity,
        "message": {"text": f"{d.message}" + (f" Hint: {d.hint}" if d.hint else "")},
        "locations": [{
            "physicalLocation": physical,
            "logicalLocations": [{"fullyQualifiedName": d.pointer or "/", "kind": "member"}],
        }],
        "properties": {"pointer": d.pointer},
    }
