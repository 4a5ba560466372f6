"""What one validation run shares: rule levels, findings as reported, `$ref`s, and a checker per document."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator import pointer
from generator.diagnostics import Diagnostic
from generator.load.document import Document
from generator.load.positions import duplicate_keys, locate
from generator.validate.levels import check_rule_config, level
from generator.validate.matching import ValueChecker
from generator.validate.owasp.limits import limits_wanted
from generator.validate.refs import Refs, Unresolved
from generator.validate.rules import RULES

if TYPE_CHECKING:
    from generator.validate.names import NameRules

# rule, message, document, pointer, file (when no document), (line, column) when known already
Finding = tuple[str, str, "Document | None", str, str, "tuple[int, int] | None"]


class Run:
    """One validation: findings are collected raw and become located Diagnostics at the end (``diagnostics``)."""

    def __init__(self, rules: dict[str, str] | None = None, names: NameRules | None = None) -> None:
        self.rules = check_rule_config(rules)
        self.names = names  # a target's naming, for the name-collision rules (SF050-SF052); None: not checked
        self.limits = limits_wanted(self.rules)  # the walk checks schema bounds (SF220-SF222, security ruleset)
        self.refs = Refs(self.report)
        self.raw: list[Finding] = []
        self.root_version = ""
        self.unquoted_codes = False
        self.checkers: dict[Path, DocChecker] = {}
        self.dups_done: set[Path] = set()
        self.style: Any = None  # the recommended checks' state (style/run.py) when one of them is on

    def report(self, rule: str, message: str, doc: Document | None, pointer: str, file: str = "",
               position: tuple[int, int] | None = None) -> None:
        self.raw.append((rule, message, doc, pointer, file, position))

    def checker(self, doc: Document) -> DocChecker:
        """The document's checker; the first time, its duplicate keys are reported (SF005)."""
        key = self.refs.workspace.key(doc.path)
        if key not in self.checkers:
            self.checkers[key] = DocChecker(self, doc)
            if key not in self.dups_done:
                self.dups_done.add(key)
                self._report_duplicate_keys(doc)
        return self.checkers[key]

    def _report_duplicate_keys(self, doc: Document) -> None:
        for where, line, col, fline, fcol in duplicate_keys(doc):
            self.report("SF005", f"duplicate key {pointer.split(where)[-1]!r} (first at line {fline}, column {fcol}); "
                                 "the last one wins", doc, where, position=(line, col))

    def keep(self, rules: frozenset[str]) -> None:
        """Forget the findings of other rules (before ``diagnostics``: each kept one is located)."""
        self.raw = [r for r in self.raw if r[0] in rules]

    def diagnostics(self) -> list[Diagnostic]:
        """The findings at their levels, each once, located and sorted by file and position."""
        result: list[Diagnostic] = []
        seen: set[tuple[str, str, str, str]] = set()
        for rule_id, message, doc, where, file, position in self.raw:
            severity = level(self.rules, rule_id)
            fname = file or (str(doc.path) if doc is not None else "")
            key = (rule_id, fname, where, message)
            if severity == "off" or key in seen:
                continue
            seen.add(key)
            if position is None:
                position = locate(doc, where) if doc is not None else (0, 0)
            result.append(Diagnostic(rule_id, severity, message, fname, position[0], position[1], where,
                                     RULES[rule_id].hint))
        result.sort(key=lambda d: (d.file, d.line, d.column, d.rule))
        return result


class DocChecker:
    """The checks' view of one document: where to report, how to follow `$ref`s, how to match values."""

    def __init__(self, run: Run, doc: Document) -> None:
        self.run = run
        self.doc = doc
        version = doc.data.get("openapi", "") if isinstance(doc.data, dict) else ""
        root = run.root_version or (str(version) if isinstance(version, (str, int, float)) else "")
        self.openapi30 = root.startswith("3.0")
        self.values = ValueChecker(self.resolve_value, self.openapi30)

    def report(self, rule: str, message: str, pointer: str) -> None:
        self.run.report(rule, message, self.doc, pointer)

    def resolve(self, ref: Any) -> tuple[Document, str, Any]:
        return self.run.refs.resolve(self.doc, ref)

    def resolve_value(self, ref: Any) -> Any:
        """What a `$ref` points at, or None."""
        try:
            return self.resolve(ref)[2]
        except Unresolved:
            return None
