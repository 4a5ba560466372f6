"""The SARIF 2.1.0 report (GitHub code scanning and other SARIF viewers): one run, the rules used, one result each."""

from __future__ import annotations

import json
import os
from typing import Any
from urllib.parse import quote

from generator.diagnostics import Diagnostic
from generator.validate.report import TOOL_URI, Report
from generator.validate.rules import RULES


def _uri(path: str) -> str:
    p = path.replace(os.sep, "/")
    if os.path.isabs(path):
        return "file://" + quote(p)
    return quote(p)


def render_sarif(report: Report) -> str:
    diagnostics = report.diagnostics
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
    if rule is None:  # a rule outside the table (a project's own): named by its id
        return {"id": rule_id, "name": rule_id}
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
