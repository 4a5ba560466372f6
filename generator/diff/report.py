"""The report of a diff as text, markdown grouped by operation (for a pull request comment) or JSON of a fixed shape."""

from __future__ import annotations

import json
from collections import Counter

from generator.diff.changes import ACCEPTED, BREAKING, COMPATIBLE, STRICT, Change

JSON_VERSION = 2  # 2: "level", "route" and "accepted" per change; a closed response enum growing is "strict"

_TEXT_MARK = {BREAKING: "BREAKING", STRICT: "STRICT", COMPATIBLE: "ok", ACCEPTED: "accepted"}
_MD_MARK = {BREAKING: ":x: breaking", STRICT: ":warning: breaking for strict clients",
            COMPATIBLE: ":white_check_mark: compatible", ACCEPTED: ":ballot_box_with_check: accepted"}
_SUMMARY_WORDS = {BREAKING: "breaking", STRICT: "breaking for strict clients", COMPATIBLE: "compatible",
                  ACCEPTED: "accepted"}


def summary(changes: list[Change]) -> str:
    """``3 change(s): 1 breaking, 1 breaking for strict clients, 1 compatible`` (levels with none left out)."""
    if not changes:
        return "no SDK surface changes"
    counts = Counter(c.level for c in changes)
    parts = [f"{counts[level]} {words}" for level, words in _SUMMARY_WORDS.items() if counts[level]]
    return f"{len(changes)} change(s): " + ", ".join(parts)


def render_text(changes: list[Change]) -> str:
    lines = []
    for c in changes:
        route = f" [{c.route}]" if c.route else ""
        line = f"{_TEXT_MARK[c.level]:<9}{c.kind:<28} {c.where}{route}: {c.reason}"
        if c.old is not None or c.new is not None:
            line += f" [{c.old if c.old is not None else '-'} -> {c.new if c.new is not None else '-'}]"
        if c.accepted:
            line += f" (accepted: {c.accepted})"
        lines.append(line)
    lines.append(summary(changes))
    return "\n".join(lines) + "\n"


def _code(text: str | None) -> str:
    if text is None:
        return ""
    return "`" + text.replace("|", "\\|").replace("`", "'") + "`"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(changes: list[Change]) -> str:
    """A section per operation (its route and method), then one for types; a row per spec change."""
    if not changes:
        return "### SDK surface changes\n\nNo changes to the generated SDK's surface.\n"
    lines = ["### SDK surface changes", "", f"**{summary(changes)}**", ""]
    for route, group in _by_route(changes):
        lines.append(f"#### {_code(route)}" if route else "#### Types")
        lines += ["", "| | Change | Where | Reason | Old | New |", "|---|---|---|---|---|---|"]
        for c in group:
            reason = _cell(c.reason + (f" (accepted: {c.accepted})" if c.accepted else ""))
            lines.append(
                f"| {_MD_MARK[c.level]} | {c.kind} | {_code(c.where)} | {reason} | {_code(c.old)} | {_code(c.new)} |"
            )
        lines.append("")
    return "\n".join(lines)


def _by_route(changes: list[Change]) -> list[tuple[str, list[Change]]]:
    """Operations in the order of their most severe change, then the types; each group keeps the changes' order."""
    groups: dict[str, list[Change]] = {}
    for c in changes:
        groups.setdefault(c.route, []).append(c)
    types = groups.pop("", [])
    return list(groups.items()) + ([("", types)] if types else [])


def render_json(changes: list[Change], old: str = "", new: str = "") -> str:
    counts = Counter(c.level for c in changes)
    doc = {
        "version": JSON_VERSION,
        "old": old,
        "new": new,
        "summary": {level: counts[level] for level in _SUMMARY_WORDS},
        "changes": [c.as_dict() for c in changes],
    }
    return json.dumps(doc, indent=2) + "\n"


def render(changes: list[Change], fmt: str, old: str = "", new: str = "") -> str:
    """The report in ``fmt``: "text", "markdown" or "json" (which names the two specs)."""
    if fmt == "json":
        return render_json(changes, old, new)
    return render_markdown(changes) if fmt == "markdown" else render_text(changes)
