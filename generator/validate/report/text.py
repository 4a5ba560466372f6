"""The text report: one line per finding (where, severity, rule, message, pointer), its hint, then a summary."""

from __future__ import annotations

from generator.validate.report import Report


def render_text(report: Report, color: bool = False) -> str:
    def paint(code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if color else text

    lines = []
    for d in report.diagnostics:
        sev = paint("1;31", "error") if d.severity == "error" else paint("1;33", "warning")
        pointer = f" (at {d.pointer or '/'})" if d.pointer or d.rule != "SF000" else ""
        lines.append(f"{paint('1', d.where())}: {sev} {paint('36', d.rule)} {d.message}{pointer}")
        if d.hint:
            lines.append(f"  {paint('2', 'hint:')} {d.hint}")
    errors, warnings = report.counts()
    ignored = f"{report.ignored} finding(s) ignored" if report.ignored else ""
    if report.diagnostics:
        lines.append(f"{errors} error(s), {warnings} warning(s)" + (f", {ignored}" if ignored else ""))
    else:
        lines.append("no problems found" + (f" ({ignored})" if ignored else ""))
    return "\n".join(lines) + "\n"
