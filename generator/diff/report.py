"""The report of a diff as text, a markdown table (for a pull request comment) or JSON of a fixed shape."""

from __future__ import annotations

import json

from generator.diff.changes import Change

JSON_VERSION = 1


def render_text(changes: list[Change]) -> str:
    breaking = sum(c.breaking for c in changes)
    lines = []
    for c in changes:
        line = f"{'BREAKING' if c.breaking else 'ok':<9}{c.kind:<28} {c.where}: {c.reason}"
        if c.old is not None or c.new is not None:
            line += f" [{c.old if c.old is not None else '-'} -> {c.new if c.new is not None else '-'}]"
        lines.append(line)
    lines.append(
        f"{len(changes)} change(s): {breaking} breaking, {len(changes) - breaking} compatible"
        if changes
        else "no SDK surface changes"
    )
    return "\n".join(lines) + "\n"


def _code(text: str | None) -> str:
    if text is None:
        return ""
    return "`" + text.replace("|", "\\|").replace("`", "'") + "`"


def render_markdown(changes: list[Change]) -> str:
    breaking = sum(c.breaking for c in changes)
    if not changes:
        return "### SDK surface changes\n\nNo changes to the generated SDK's surface.\n"
    lines = [
        "### SDK surface changes",
        "",
        f"**{breaking} breaking**, {len(changes) - breaking} compatible.",
        "",
        "| | Change | Where | Reason | Old | New |",
        "|---|---|---|---|---|---|",
    ]
    for c in changes:
        mark = ":x: breaking" if c.breaking else ":white_check_mark: compatible"
        reason = c.reason.replace("|", "\\|")
        lines.append(f"| {mark} | {c.kind} | {_code(c.where)} | {reason} | {_code(c.old)} | {_code(c.new)} |")
    return "\n".join(lines) + "\n"


def render_json(changes: list[Change], old: str = "", new: str = "") -> str:
    breaking = sum(c.breaking for c in changes)
    doc = {
        "version": JSON_VERSION,
        "old": old,
        "new": new,
        "summary": {"breaking": breaking, "compatible": len(changes) - breaking},
        "changes": [c.as_dict() for c in changes],
    }
    return json.dumps(doc, indent=2) + "\n"


def render(changes: list[Change], fmt: str, old: str = "", new: str = "") -> str:
    """The report in ``fmt``: "text", "markdown" or "json" (which names the two specs)."""
    if fmt == "json":
        return render_json(changes, old, new)
    return render_markdown(changes) if fmt == "markdown" else render_text(changes)
