"""The JSON report (``--format json``).

Shape::

    {
      "version": 1,
      "summary": {"errors": <int>, "warnings": <int>, "files": <int>, "ignored": <int>},
      "diagnostics": [
        {"rule": "SF002", "name": "unresolved-ref", "severity": "error" | "warning", "message": str, "file": str,
         "line": int, "column": int,          # 1-based; 0 when unknown
         "pointer": str,                      # RFC 6901 JSON pointer into `file` ("" = the whole document)
         "hint": str}
      ]
    }
"""

from __future__ import annotations

import json

from generator.validate.report import Report, rule_name


def render_json(report: Report) -> str:
    errors, warnings = report.counts()
    diagnostics = report.diagnostics
    payload = {
        "version": 1,
        "summary": {"errors": errors, "warnings": warnings, "files": len({d.file for d in diagnostics}),
                    "ignored": report.ignored},
        "diagnostics": [{"rule": d.rule, "name": rule_name(d.rule), **d.as_dict()} for d in diagnostics],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
