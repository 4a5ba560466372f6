"""Validation of a Swagger 2.0 document: its 2.0 structure (SF090) and the upgrade's findings (SF091-SF094), then
every OpenAPI 3 rule over the document it upgrades to, each finding at its 2.0 file, line and pointer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from generator.diagnostics import Diagnostic
from generator.errors import SpecError
from generator.load.bundle import bundle
from generator.load.document import Document
from generator.load.external_refs import has_external_refs
from generator.load.swagger2 import structure
from generator.load.swagger2.upgrade import upgrade
from generator.validate.context import Run
from generator.validate.rules import RULES

Validate = Callable[[Document], list[Diagnostic]]


def validate_swagger2(doc: Document, rules: dict[str, str] | None, validate: Validate) -> list[Diagnostic]:
    """The 2.0 findings, and ``validate`` (the OpenAPI 3 validation) of the upgraded document, relocated."""
    try:
        bundled = bundle(doc) if has_external_refs(doc.text) else None
    except SpecError as exc:  # a `$ref` to another file that cannot be followed: nothing to upgrade
        return [replace(exc.diagnostic, rule=exc.rule or "SF002", hint=exc.hint or RULES["SF002"].hint)]
    run = Run(rules)
    run.checker(doc)  # duplicate keys (SF005)
    source: Any = bundled.document.data if bundled is not None else doc.data
    for message, pointer in structure.problems(source):
        where, original = bundled.where(pointer) if bundled is not None else (doc, pointer)
        run.report("SF090", message, where, original)
    try:
        upgraded = upgrade(doc, bundled)
    except SpecError as exc:  # nested too deeply
        return [*run.diagnostics(), replace(exc.diagnostic, rule="SF000", hint=RULES["SF000"].hint)]
    for rule, message, where, original in upgraded.findings():
        run.report(rule, message, where, original)
    found = run.diagnostics()
    structural = {(d.file, d.pointer) for d in found if d.rule == "SF090"}
    for diagnostic in validate(upgraded.document):
        moved = upgraded.relocate_diagnostic(diagnostic)
        if not (moved.rule == "SF001" and (moved.file, moved.pointer) in structural):  # said once, the 2.0 way
            found.append(moved)
    found.sort(key=lambda d: (d.file, d.line, d.column, d.rule))
    return found
