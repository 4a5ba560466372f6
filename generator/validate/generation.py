"""The checks `sdkforge generate` runs: the lenient reading, the rules that would become wrong code, and repairs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from generator import pointer as pointers
from generator.diagnostics import Diagnostic
from generator.load.document import Document
from generator.load.kinds import GENERIC, SCHEMA
from generator.load.positions import locate
from generator.validate.context import Run
from generator.validate.levels import check_rule_config, level, turned_off
from generator.validate.paths import check_operations
from generator.validate.rules import RULES
from generator.validate.values import check_values
from generator.validate.walk import walk

#: The rules `sdkforge generate` runs before it builds anything: problems that would otherwise become wrong code (or a
#: confusing failure) silently. Examples (SF023), naming collisions the generator resolves itself (SF050-SF052), a
#: missing success response (the generator's own warning), hop-by-hop headers (left out of the mock copy), duplicate
#: keys (a second compose of the text) are left to `sdkforge validate`.
GENERATE_RULES = frozenset(("SF002", "SF003", "SF004", "SF010", "SF011", "SF012", "SF013", "SF014", "SF016", "SF020",
                            "SF021", "SF022", "SF024", "SF030", "SF031", "SF040"))

#: Semantic problems `sdkforge generate` repairs, so they never stop generation: it reports them as warnings (with the
#: message `sdkforge validate` prints at error level: the spec is still wrong) unless the project's rules set them to
#: "error" explicitly. A default that does not match its schema is dropped (SF020, SF024), an enum entry that does not
#: match its type is left out (SF021), a security requirement naming an undefined scheme is skipped (SF040,
#: parse/security.py), a path parameter is required whatever it says (SF013, parse/build.py), a path parameter the
#: template lacks is left out and a placeholder nobody declares is a string parameter (SF012, SF011, parse/build.py), a
#: second operation with one operationId gets its own method name (SF010), the first of two same-named parameters is
#: dropped (SF014), a response key that is no status code is never chosen (SF016), a const that does not match its type
#: is still the one value (SF022), and a discriminator the variants do not carry, or whose mapping names nothing, is
#: left out of the union's typing (SF030, SF031: the union is an undiscriminated one).
REPAIRED = frozenset(("SF010", "SF011", "SF012", "SF013", "SF014", "SF016", "SF020", "SF021", "SF022", "SF024", "SF030",
                      "SF031", "SF040"))


def generation_check(doc: Document, rules: dict[str, str] | None = None,
                     source: Callable[[str], tuple[Document, str]] | None = None) -> list[Diagnostic]:
    """Read sloppy constructs leniently (leniency.py; the data is normalised in place) and run GENERATE_RULES, both
    with the validate rule levels; the REPAIRED problems are repaired, and are warnings unless the rules make them
    errors (every default dropped is a warning, SF024's outside properties too). Sorted by place.
    ``source``: where a pointer's text was written (``Bundled.where`` for a spec split over several files)."""
    from generator.load import leniency

    levels = check_rule_config(rules)
    scan = leniency.scan(doc, turned_off(levels))
    shown: list[Diagnostic] = []
    for finding in scan.findings:
        severity = level(levels, finding.rule)
        if severity == "off":
            continue
        line, column = locate(doc, finding.pointer)  # before the fixes change the data
        shown.append(Diagnostic(finding.rule, severity, finding.message, str(doc.path), line, column,
                                finding.pointer, RULES[finding.rule].hint))
    leniency.apply(doc, scan.findings, source)
    semantic_levels = dict.fromkeys(REPAIRED, "warning")  # every default dropped is said, as validate says it
    semantic_levels.update(levels)
    found = shown + generation_diagnostics(doc, scan.refs, scan.value_schemas, semantic_levels, leniency.pointer_of,
                                           repairs=True)
    found.sort(key=lambda d: (d.file, d.line, d.column, d.rule))
    return found


def at_levels(found: Iterable[Diagnostic], rules: dict[str, str] | None = None) -> list[Diagnostic]:
    """Findings made before the rules were known (the bundle's lenient readings) at their rule levels, with hints."""
    levels = check_rule_config(rules)
    return [replace(d, severity=level(levels, d.rule), hint=d.hint or RULES[d.rule].hint) for d in found
            if level(levels, d.rule) != "off"]


def generation_diagnostics(
    doc: Document,
    refs: Iterable[tuple[Any, Any, bool]],
    value_schemas: Iterable[tuple[dict[str, Any], str | Any]],
    rules: dict[str, str] | None = None,
    pointer: Any = None,
    repairs: bool = False,
) -> list[Diagnostic]:
    """The GENERATE_RULES over what one walk of the document collected (``leniency.scan``): every `$ref` (value,
    where) and every schema with a default, enum, const or discriminator (schema, where); ``pointer(where)`` turns a
    place into its JSON pointer (only for a reported or first-seen place)."""
    to_pointer = pointer or (lambda where: where)
    run = Run(rules)
    run.refs.workspace.add(doc)
    run.root_version = str(doc.data.get("openapi", ""))
    run.dups_done.add(doc.path.resolve())  # no duplicate-key pass: it composes the whole text again
    checker = run.checker(doc)
    try:
        check_operations(checker)
        _check_refs(run, doc, refs, to_pointer)
        for schema, where in value_schemas:
            check_values(checker, schema, lambda where=where: to_pointer(where))  # type: ignore[misc]
        while run.refs.pending:
            tdoc, tptr, value, kind = run.refs.pending.popleft()
            walk(run.checker(tdoc), value, tptr, kind)
    except RecursionError:
        run.report("SF000", "the document is nested too deeply to validate", doc, "")
    run.keep(GENERATE_RULES | {"SF000"})  # before diagnostics(): each kept one is located (a compose of the text)
    found = run.diagnostics()  # located before the repairs change the data
    if repairs:  # whatever their level ("off" too): generation must not emit what they found
        repair(doc, [(r[0], r[3]) for r in run.raw if r[0] in REPAIRED and r[2] is doc])
    return found


def _check_refs(run: Run, doc: Document, refs: Iterable[Any], to_pointer: Callable[[Any], str]) -> None:
    """Each `$ref` (value, where, in a schema); a `$ref` found good once is not checked again."""
    good: set[str] = set()
    for ref, where, in_schema in refs:
        if isinstance(ref, str) and ref in good:
            continue
        if isinstance(ref, str) and ref.startswith("#/") and "%" not in ref:
            target = pointers.walk(doc.data, ref[1:])  # the common case: a local object, no chain to follow
            if type(target) is dict and "$ref" not in target:
                good.add(ref)
                continue
        before = len(run.raw)
        run.refs.check(doc, to_pointer(where), ref, SCHEMA if in_schema else GENERIC)
        if isinstance(ref, str) and len(run.raw) == before and "#" in ref and not ref.startswith("#"):
            continue  # an external target: each place is walked once by check_ref itself
        if isinstance(ref, str) and len(run.raw) == before:
            good.add(ref)


def repair(doc: Document, found: Iterable[tuple[str, str]]) -> None:
    """Change ``doc.data`` in place for the REPAIRED problems (rule, pointer) that need it (SF020, SF024, SF021)."""
    enums: dict[int, tuple[list[Any], str, set[int]]] = {}
    for rule, pointer in found:
        if rule in ("SF020", "SF024") and pointer.endswith("/default"):
            schema = pointers.walk(doc.data, pointer[: -len("/default")])
            if isinstance(schema, dict):
                schema.pop("default", None)
        elif rule == "SF021":
            enum_ptr, _, index = pointer.rpartition("/")
            enum = pointers.walk(doc.data, enum_ptr)
            if isinstance(enum, list) and index.isdigit():
                enums.setdefault(id(enum), (enum, enum_ptr, set()))[2].add(int(index))
    for enum, enum_ptr, indexes in enums.values():
        for i in sorted(indexes, reverse=True):
            if i < len(enum):
                del enum[i]
        if not enum:  # nothing left: no enum rather than one no value matches
            schema = pointers.walk(doc.data, enum_ptr.rpartition("/")[0])
            if isinstance(schema, dict):
                schema.pop("enum", None)
