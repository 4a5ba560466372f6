"""``--ruleset`` / ``extends`` entries that name ruleset files, turned into what a validation run needs: the
built-in rule levels (the project's own levels win over the ruleset's), the rulesets on, and the ``Linter``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.diagnostics import Diagnostic
from generator.load.document import Document
from generator.validate.custom import is_ruleset_file
from generator.validate.custom.linter import Linter
from generator.validate.custom.ruleset import load_files
from generator.validate.levels import level
from generator.validate.rules import RULES
from generator.validate.rulesets import DEFAULT, with_rulesets


@dataclass
class Custom:
    linter: Linter
    levels: dict[str, str]  # the built-in rules' levels everywhere
    run_levels: dict[str, str]  # ... and on where an override turns one on somewhere
    notes: list[str]

    @classmethod
    def load(cls, entries: Sequence[str], project_levels: dict[str, str]) -> Custom:
        ruleset = load_files([e for e in entries if is_ruleset_file(e)])
        names = [e for e in entries if not is_ruleset_file(e)] + sorted(ruleset.families)
        levels = with_rulesets({**ruleset.levels, **project_levels}, names or DEFAULT)
        run_levels = dict(levels)
        for override in ruleset.overrides:
            for rule_id, lvl in override.levels.items():
                if rule_id in RULES and lvl != "off" and level(run_levels, rule_id) == "off":
                    run_levels[rule_id] = lvl
        return cls(Linter(ruleset), levels, run_levels, ruleset.notes)

    def lint(self, doc: Document) -> list[Diagnostic]:
        return self.linter.lint(doc)

    def finish(self, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        return self.linter.finish(diagnostics, self.levels)
