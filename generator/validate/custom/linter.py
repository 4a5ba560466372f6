"""A loaded ruleset at work: its custom rules run over each document (``lint``), then every finding, built-in ones
included, takes the severity the ruleset's ``overrides`` give it at its file and pointer (``finish``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from generator.diagnostics import Diagnostic
from generator.load.document import Document
from generator.load.positions import locate
from generator.validate.custom.core import FUNCTIONS
from generator.validate.custom.definitions import CustomRule, Then
from generator.validate.custom.engine import Resolve, walk
from generator.validate.custom.formats import formats_of
from generator.validate.custom.messages import render
from generator.validate.custom.overrides import level_at
from generator.validate.custom.ruleset import Ruleset
from generator.validate.custom.targets import Place, targets
from generator.validate.levels import level
from generator.validate.rules import RULES


class Linter:
    def __init__(self, ruleset: Ruleset) -> None:
        self.ruleset = ruleset
        enabled = {name for o in ruleset.overrides for name, lvl in o.levels.items() if lvl != "off"}
        self.rules = [r for r in ruleset.rules.values() if r.severity != "off" or r.name in enabled]

    def lint(self, doc: Document) -> list[Diagnostic]:
        """The custom rules' findings in ``doc`` and the files its `$ref`s reach (resolved rules)."""
        kinds = formats_of(doc.data)
        active = [r for r in self.rules if r.formats is None or r.formats & kinds]
        found: dict[tuple[str, str, str, str], Diagnostic] = {}
        resolve = _resolver(doc)
        for resolved in (True, False):
            group = [(rule, path) for rule in active if rule.resolved == resolved for path in rule.given]
            if not group:
                continue
            how = resolve if resolved else None
            for pid, value, key, vdoc, ptr in walk(doc, [path for _rule, path in group], how):
                rule, path = group[pid]
                place = Place(key if path.keys else value, vdoc, ptr)
                for then in rule.then:
                    for diagnostic in _evaluate(rule, then, place, how):
                        found.setdefault((rule.name, diagnostic.file, diagnostic.pointer, diagnostic.message),
                                         diagnostic)
        return list(found.values())

    def finish(self, diagnostics: Iterable[Diagnostic], levels: dict[str, str]) -> list[Diagnostic]:
        """Every finding at the level the overrides give it where it is; findings turned off there are dropped."""
        if not self.ruleset.overrides:
            return list(diagnostics)
        custom = {rule.name: rule.severity for rule in self.ruleset.rules.values()}
        result = []
        for d in diagnostics:
            base = custom.get(d.rule) or (level(levels, d.rule) if d.rule in RULES else d.severity)
            at = level_at(self.ruleset.overrides, d.rule, d.file, d.pointer, base)
            if at != "off":
                result.append(d if at == d.severity else replace(d, severity=at))
        return result


def _resolver(doc: Document) -> Resolve:
    from generator.validate.refs import Refs, Unresolved

    refs = Refs(lambda *_args: None)
    refs.workspace.add(doc)

    def resolve(where: Document, ref: Any) -> tuple[Document, str, Any] | None:
        try:
            return refs.resolve(where, ref)
        except Unresolved:
            return None

    return resolve


def _evaluate(rule: CustomRule, then: Then, place: Place, resolve: Resolve | None) -> list[Diagnostic]:
    result = []
    function = FUNCTIONS[then.function]
    for target, value in targets(place, then.field, resolve):
        for template, below in function(value, then.options or {}):
            at = target.below(below, resolve) if below else target
            result.append(_diagnostic(rule, template, at))
    return result


def _diagnostic(rule: CustomRule, template: str, at: Place) -> Diagnostic:
    shown = _written(at)  # Spectral prints the value written at the reported place (a member's, for @key and ~)
    values: dict[str, Any] = {"property": at.property_name(), "path": "#" + at.ptr, "value": shown,
                              "description": rule.description or ""}
    values["error"] = render(template, values)
    text = rule.message if rule.message is not None else (rule.description or values["error"])
    message = render(text, values).strip()
    line, column = locate(at.doc, at.ptr)
    hint = rule.description if rule.description and rule.message is not None else ""
    return Diagnostic(rule.name, rule.severity, message, str(at.doc.path), line, column, at.ptr, hint or "")


def _written(at: Place) -> Any:
    """The value at a place's pointer (the closest existing member, for a missing one)."""
    from generator import pointer

    value = pointer.walk(at.doc.data, at.ptr)
    return None if value is pointer.MISSING else value

