"""The GitHub report: workflow commands, which GitHub Actions shows as annotations on the changed lines.

One ``::error file=F,line=L,col=C,title=SF002::message (at /pointer) hint: ...`` line per diagnostic (``::warning``
for warnings), property values and messages escaped as the workflow-command syntax requires.
"""

from __future__ import annotations

from generator.validate.report import Report


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    lines = []
    for d in report.diagnostics:
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
