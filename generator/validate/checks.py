"""Validation of OpenAPI 3.0/3.1 documents (and Swagger 2.0 ones, upgraded: swagger2.py): every rule family over a document and the files its `$ref`s reach.

``validate_paths(paths, rules, names)`` / ``validate_document(doc, rules, names)`` -> Diagnostics, sorted by file and
position. Rule IDs, severities and hints live in rules.py; output formats in report.py; the command in generator.cli.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from generator.diagnostics import ERROR, Diagnostic
from generator.errors import SpecError
from generator.load.document import Document, load_spec
from generator.load.kinds import GENERIC, SCHEMA
from generator.load.leniency.finding import Scan
from generator.load.positions import locate
from generator.load.swagger2 import is_swagger2
from generator.validate.context import Run
from generator.validate.headers import check_headers
from generator.validate.levels import check_rule_config, family_on, turned_off
from generator.validate.names import NAME_RULES, NameRules, check_schema_names
from generator.validate.paths import check_operations
from generator.validate.rules import RULES
from generator.validate.structure import check_structure, too_deep
from generator.validate.walk import walk


def validate_paths(paths: Iterable[str | Path], rules: dict[str, str] | None = None,
                   names: NameRules | None = None,
                   custom: Callable[[Document], list[Diagnostic]] | None = None) -> list[Diagnostic]:
    """Validate each spec file; an unusable file gives one SF000 diagnostic. ``names``: the naming the name-collision
    rules (SF050-SF052) judge by (a target's; without it they are not checked). ``custom``: a ruleset's custom rules,
    run on each document as written (before the lenient reading fixes it)."""
    rules = check_rule_config(rules)
    result: list[Diagnostic] = []
    for path in paths:
        try:
            doc = load_spec(path)
        except SpecError as exc:
            result.append(unusable(exc, str(path)))
            continue
        except RecursionError:
            result.append(Diagnostic("SF000", ERROR, "the document is nested too deeply", str(path), 0, 0, "",
                                     RULES["SF000"].hint))
            continue
        # the document lives through every check: keep the cyclic GC from walking its containers again and again
        # (what the checks allocate is still collected; unfreezing hands the document back afterwards)
        gc.freeze()
        try:
            found = custom(doc) if custom is not None else []
            found.extend(validate_document(doc, rules, names))
        finally:
            gc.unfreeze()
        result.extend(sorted(found, key=lambda d: (d.file, d.line, d.column, d.rule)) if custom else found)
    return result


def unusable(exc: SpecError, fallback_file: str) -> Diagnostic:
    """A file that cannot be read as an OpenAPI document (SF000)."""
    return replace(exc.diagnostic, rule="SF000", file=exc.file or fallback_file, hint=exc.hint or RULES["SF000"].hint)


def validate_document(doc: Document, rules: dict[str, str] | None = None,
                      names: NameRules | None = None) -> list[Diagnostic]:
    if is_swagger2(doc.data):  # checked as 2.0, then as the 3.0 document it upgrades to
        from generator.validate.swagger2 import validate_swagger2

        return validate_swagger2(doc, rules, lambda upgraded: validate_document(upgraded, rules, names))
    run = Run(rules, names)
    _read_leniently(run, doc)
    _validate(run, doc)
    return run.diagnostics()


def collisions(doc: Document, names: NameRules, rules: dict[str, str] | None = None) -> list[Diagnostic]:
    """Only the name-collision rules (SF050-SF052), judged by ``names``."""
    run = Run(rules, names)
    _start(run, doc)
    try:
        _check_semantics(run, doc)
    except RecursionError:
        return []  # validate reports the document as nested too deeply
    run.keep(NAME_RULES)
    return run.diagnostics()


def _read_leniently(run: Run, doc: Document) -> None:
    """The lenient reading `sdkforge generate` applies (leniency.py, SF017 and SF060-SF073): its findings, located
    where the author wrote them, then its fixes, so the checks that follow judge what generate reads."""
    from generator.load import leniency

    if not isinstance(doc.data, dict):
        return
    off = turned_off(run.rules)
    try:
        _report_and_apply(run, doc, leniency.scan(doc, off), off)
    except RecursionError:
        return  # _validate reports the document as nested too deeply


def _read_part_leniently(run: Run, doc: Document, ptr: str, value: Any, kind: int) -> None:
    """The same lenient reading for a part of another file a `$ref` reaches, before it is walked: a finding never
    depends on the file it is in."""
    from generator.load import leniency

    off = turned_off(run.rules)
    _report_and_apply(run, doc, leniency.scan_part(doc, value, ptr, kind == SCHEMA, run.root_version, off), off)


def _report_and_apply(run: Run, doc: Document, scan: Scan, off: set[str]) -> None:
    from generator.load import leniency

    for finding in scan.findings:
        if finding.rule not in off:
            run.report(finding.rule, finding.message, doc, finding.pointer, position=locate(doc, finding.pointer))
    leniency.apply(doc, scan.findings)


def _start(run: Run, doc: Document) -> None:
    run.refs.workspace.add(doc)
    version = doc.data.get("openapi", "")
    # str() of a deep structure would recurse
    run.root_version = version if isinstance(version, str) else str(version) if isinstance(version, (int, float)) \
        else ""


def _validate(run: Run, doc: Document) -> None:
    _start(run, doc)
    if too_deep(doc.data):  # the structural parse would exhaust the interpreter's recursion (pydantic)
        run.report("SF000", "the document is nested too deeply to validate", doc, "")
        return
    try:
        _check_semantics(run, doc)
        check_structure(run, doc)
    except RecursionError:
        run.report("SF000", "the document is nested too deeply to validate", doc, "")


def _check_semantics(run: Run, doc: Document) -> None:
    """The document-wide rules, the walk over it and over what its `$ref`s reach in other files (each part read
    leniently first), then the operations, wherever their path items are."""
    checker = run.checker(doc)
    if run.names is not None:
        check_schema_names(checker, run.names)
    check_headers(checker)
    if family_on(run.rules, "recommended"):  # the families of other rulesets are imported only when they run
        from generator.validate.style import run as style

        run.style = style.start(run)
        if run.style is not None:
            style.check_root(run.style, checker)
    if family_on(run.rules, "security"):
        from generator.validate.owasp.document import check_document

        check_document(checker)
    walk(checker, doc.data, "", GENERIC)
    while run.refs.pending:
        tdoc, tptr, value, kind = run.refs.pending.popleft()
        _read_part_leniently(run, tdoc, tptr, value, kind)
        walk(run.checker(tdoc), value, tptr, kind)
    check_operations(checker)
    if run.style is not None:
        from generator.validate.style import run as style

        style.finish(run.style, checker)
