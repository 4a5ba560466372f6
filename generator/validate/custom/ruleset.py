"""A Spectral ruleset file (YAML or JSON) read into a ``Ruleset``: custom rules, built-in rule levels, overrides.

Every problem is one ``UsageError`` naming the file, line and rule (``sdkforge validate`` exits 2): an unknown
function (a JavaScript one included), bad options, a `given` the engine cannot evaluate, an ``extends`` it cannot
follow. Nothing in a ruleset is skipped silently; Spectral rules with no sdkforge twin are listed in ``notes``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import pointer
from generator.errors import SpecError, UsageError
from generator.load.document import load_spec
from generator.validate.custom import extends
from generator.validate.custom.definitions import CustomRule, Located, parse_rule, severity
from generator.validate.custom.overrides import Override, parse_overrides
from generator.validate.rules import RULES

TOP_KEYS = frozenset({"extends", "rules", "formats", "aliases", "overrides", "functions", "functionsDir",
                      "documentationUrl", "parserOptions", "description"})


@dataclass
class Ruleset:
    rules: dict[str, CustomRule] = field(default_factory=dict)  # custom rules by name
    levels: dict[str, str] = field(default_factory=dict)  # built-in rule id -> level
    families: set[str] = field(default_factory=set)  # sdkforge rulesets turned on (``extends: sdkforge:security``)
    overrides: list[Override] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def load(path: str | Path, mode: str = "recommended", seen: frozenset[Path] = frozenset()) -> Ruleset:
    """Read the ruleset at ``path`` (and what it extends); raises UsageError."""
    path = Path(path)
    if path.resolve() in seen:
        raise UsageError(f"{path}: extends itself (through {', '.join(str(p) for p in seen)})")
    try:
        doc = load_spec(path)
    except SpecError as exc:
        raise UsageError(f"ruleset {exc.diagnostic.where()}: {exc.message}") from None
    where = Located(doc)
    unknown = [key for key in doc.data if key not in TOP_KEYS]
    if unknown:
        where.fail(f"/{pointer.escape(unknown[0])}", f"unknown ruleset key {unknown[0]!r}")
    _check_shapes(where, doc.data)
    ruleset = Ruleset()
    for target, target_mode in extends.entries(doc.data.get("extends", [])):
        _extend(ruleset, where, target, target_mode, seen | {path.resolve()})
    aliases = _aliases(where, doc.data.get("aliases"))
    declared = _declared_functions(doc.data)
    for name, definition in (doc.data.get("rules") or {}).items():
        _rule(ruleset, where, str(name), definition, doc.data.get("formats"), aliases, declared)
    ruleset.overrides.extend(parse_overrides(where, doc.data.get("overrides"), extends.builtin_ids()))
    if mode != "recommended":
        _apply_mode(ruleset, mode)
    return ruleset


def _check_shapes(where: Located, data: dict[str, Any]) -> None:
    """The top-level keys have the shapes Spectral requires (their contents are checked as they are read)."""
    for key, kinds, what in (("rules", dict, "a mapping of rule name -> rule"), ("aliases", dict, "a mapping"),
                             ("overrides", list, "a list"), ("extends", (str, list), "a name or a list"),
                             ("formats", list, "a list of formats"), ("functions", list, "a list of names")):
        if data.get(key) is not None and not isinstance(data[key], kinds):
            where.fail(f"/{key}", f"{key} must be {what}")


def _extend(ruleset: Ruleset, where: Located, target: Any, mode: Any, seen: frozenset[Path]) -> None:
    ptr = "/extends"
    mode = "off" if mode is False else mode  # YAML 1.1 reads an unquoted off as false
    if mode not in extends.MODES:
        where.fail(ptr, f"extends mode must be one of {', '.join(extends.MODES)}, not {mode!r}")
    if target == "spectral:oas":
        levels, missing = extends.spectral_oas_levels(mode)
        ruleset.levels.update(levels)
        if missing:
            ruleset.notes.append(f"{where.doc.path}: spectral:oas rules sdkforge does not implement (not run): "
                                 + ", ".join(missing))
    elif isinstance(target, str) and target.startswith(extends.SDKFORGE_PREFIX):
        _extend_family(ruleset, where, target[len(extends.SDKFORGE_PREFIX):], mode)
    elif isinstance(target, str) and target.lower().endswith((".yaml", ".yml", ".json")) and "://" not in target:
        base = load(where.doc.path.parent / target, mode, seen)
        ruleset.rules.update(base.rules)
        ruleset.levels.update(base.levels)
        ruleset.families |= base.families
        ruleset.overrides.extend(base.overrides)
        ruleset.notes.extend(base.notes)
    else:
        where.fail(ptr, f"cannot extend {target!r}: sdkforge reads spectral:oas, sdkforge:<ruleset> and ruleset files "
                        "(.yaml, .yml, .json); npm packages and URLs are not fetched")


def _extend_family(ruleset: Ruleset, where: Located, family: str, mode: str) -> None:
    from generator.validate.rulesets import BUILTIN

    if family not in BUILTIN:
        where.fail("/extends", f"unknown sdkforge ruleset {family!r} (known: {', '.join(BUILTIN)})")
    if mode == "off":
        ruleset.levels.update({r.id: "off" for r in RULES.values() if r.ruleset in BUILTIN[family] and r.id != "SF000"})
    else:
        ruleset.families.add(family)


def _apply_mode(ruleset: Ruleset, mode: str) -> None:
    """An extended ruleset file's mode: ``off`` turns its rules off, ``all`` turns on its not-recommended ones."""
    for name, rule in list(ruleset.rules.items()):
        if mode == "off":
            ruleset.rules[name] = rule.with_severity("off")
        elif mode == "all" and rule.severity == "off" and not rule.recommended:
            ruleset.rules[name] = rule.with_severity(rule.default_severity)
    if mode == "off":
        ruleset.levels = {rule_id: "off" for rule_id in ruleset.levels}


def _aliases(where: Located, value: Any) -> dict[str, list[str]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        where.fail("/aliases", "aliases must be a mapping of name -> JSONPath expressions")
    result: dict[str, list[str]] = {}
    for name, given in value.items():
        if isinstance(given, str):
            given = [given]
        if not (isinstance(given, list) and all(isinstance(g, str) for g in given)):
            where.fail(f"/aliases/{pointer.escape(name)}", f"alias {name!r}: only a JSONPath expression or a list of "
                       "them is supported (scoped aliases with targets are not)")
        result[str(name)] = given
    return result


def _declared_functions(data: dict[str, Any]) -> frozenset[str]:
    names = data.get("functions") or []
    return frozenset(str(n) for n in names) if isinstance(names, list) else frozenset()


def _rule(ruleset: Ruleset, where: Located, name: str, definition: Any, formats: Any,
          aliases: dict[str, list[str]], declared: frozenset[str]) -> None:
    ptr = f"/rules/{pointer.escape(name)}"
    ids = extends.builtin_ids()
    if isinstance(definition, dict) and ("given" in definition or "then" in definition):
        ruleset.rules[name] = parse_rule(where, ptr, name, definition, formats, aliases, declared)
        if name in ids:
            ruleset.levels[ids[name]] = "off"  # redefined: the custom definition runs instead of the built-in one
        return
    raw = definition.get("severity", True) if isinstance(definition, dict) else definition
    if name in ruleset.rules:
        rule = ruleset.rules[name]
        ruleset.rules[name] = rule.with_severity(severity(where, ptr, raw, rule.default_severity))
    elif name in ids:
        default = RULES[ids[name]].severity
        ruleset.levels[ids[name]] = severity(where, ptr, raw, default if default != "off" else "warning")
    elif name in extends.SPECTRAL_OAS:
        if severity(where, ptr, raw, "warning") != "off":
            ruleset.notes.append(f"{where.doc.path}: {name} (spectral:oas) is not implemented by sdkforge: not run")
    else:
        where.fail(ptr, f"rule {name!r} is not defined (give it `given` and `then`, or extend a ruleset defining it)")



def load_files(paths: list[str]) -> Ruleset:
    """Several ruleset files, as if the last extended the ones before it."""
    merged = Ruleset()
    for path in paths:
        one = load(path)
        merged.rules.update(one.rules)
        merged.levels.update(one.levels)
        merged.families |= one.families
        merged.overrides.extend(one.overrides)
        merged.notes.extend(one.notes)
    return merged
