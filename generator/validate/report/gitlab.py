"""The GitLab code-quality report (``artifacts: reports: codequality``): a JSON list of issues that merge requests
show beside the changed lines.

Each issue: ``description``, ``check_name`` (the rule id), ``fingerprint``, ``severity`` (a finding that makes the
file unusable is ``blocker``, an error ``major``, a warning ``minor``), ``location.path`` and
``location.lines.begin``. The fingerprint is a hash of file, rule, JSON pointer and message (not the line), so an
issue keeps its identity when lines move and GitLab can tell new issues from fixed ones.
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any

from generator.diagnostics import ERROR, Diagnostic
from generator.validate.report import Report, rule_name


def render_gitlab(report: Report) -> str:
    issues: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for d in report.diagnostics:
        path = _relative(d.file)
        key = f"{path}\0{d.rule}\0{d.pointer}\0{d.message}"
        repeat = seen[key] = seen.get(key, -1) + 1  # the same finding twice still gets two fingerprints
        issues.append({
            "type": "issue",
            "description": f"{d.message} (at {d.pointer or '/'})",
            "check_name": d.rule,
            "categories": ["Bug Risk" if d.severity == ERROR else "Style"],
            "content": {"body": f"{rule_name(d.rule)}: {d.hint}" if d.hint else rule_name(d.rule)},
            "fingerprint": hashlib.sha256(f"{key}\0{repeat}".encode()).hexdigest(),
            "severity": _severity(d),
            "location": {"path": path, "lines": {"begin": d.line or 1}},
        })
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


def _severity(d: Diagnostic) -> str:
    if d.rule == "SF000":
        return "blocker"
    return "major" if d.severity == ERROR else "minor"


def _relative(path: str) -> str:
    """GitLab wants paths relative to the repository: an absolute path under the working directory is made so."""
    if os.path.isabs(path):
        try:
            rel = os.path.relpath(path)
        except ValueError:
            return path
        if not rel.startswith(".."):
            return rel.replace(os.sep, "/")
    return os.path.normpath(path).replace(os.sep, "/") if path else path
