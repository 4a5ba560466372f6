"""The core functions by name and the check of a rule's ``functionOptions`` for each (made when a ruleset loads)."""

from __future__ import annotations

import re
from typing import Any

from generator.validate.custom import functions as fn
from generator.validate.custom.alphabetical import alphabetical
from generator.validate.custom.schema import DIALECTS, schema, validator_for

FUNCTIONS: dict[str, fn.Function] = {
    "truthy": fn.truthy, "falsy": fn.falsy, "defined": fn.defined, "undefined": fn.undefined,
    "pattern": fn.pattern, "casing": fn.casing, "length": fn.length, "enumeration": fn.enumeration,
    "alphabetical": alphabetical, "schema": schema, "xor": fn.xor,
}
NO_OPTIONS = frozenset({"truthy", "falsy", "defined", "undefined"})


def check_options(name: str, options: Any) -> str | None:
    """Why ``options`` do not suit the core function ``name``, or None."""
    if name in NO_OPTIONS:
        return None if options is None else f'"{name}" function does not accept any options'
    if name == "alphabetical" and options is None:
        return None
    if not isinstance(options, dict):
        return f'"{name}" function needs functionOptions (a mapping)'
    return _CHECKS[name](options)


def _only(name: str, options: dict[str, Any], allowed: tuple[str, ...]) -> str | None:
    extra = [key for key in options if key not in allowed]
    return f'"{name}" function does not support "{extra[0]}" option' if extra else None


def _pattern(options: dict[str, Any]) -> str | None:
    if not ({"match", "notMatch"} & options.keys()):
        return '"pattern" function is missing "match" or "notMatch" option'
    for key in ("match", "notMatch"):
        if key in options:
            if not isinstance(options[key], str):
                return f'"pattern" function and its "{key}" option accepts only the following types: string'
            try:
                fn.js_regex(options[key])
            except re.error as exc:
                return f'"pattern" function: {options[key]!r} is not a regular expression sdkforge reads ({exc})'
    return _only("pattern", options, ("match", "notMatch"))


def _casing(options: dict[str, Any]) -> str | None:
    if options.get("type") not in fn.CASES:
        return f'"casing" function and its "type" option accepts only the following values: {", ".join(fn.CASES)}'
    separator = options.get("separator")
    if separator is not None and not (isinstance(separator, dict) and isinstance(separator.get("char"), str)
                                      and len(separator["char"]) <= 1):
        return '"casing" function and its "separator.char" option accepts only char, i.e. "I" or "/"'
    return _only("casing", options, ("type", "disallowDigits", "separator"))


def _length(options: dict[str, Any]) -> str | None:
    if not ({"min", "max"} & options.keys()):
        return '"length" function is missing "min" or "max" option'
    for key in ("min", "max"):
        if key in options and (not isinstance(options[key], (int, float)) or isinstance(options[key], bool)):
            return f'"length" function and its "{key}" option accepts only the following types: number'
    return _only("length", options, ("min", "max"))


def _enumeration(options: dict[str, Any]) -> str | None:
    if not isinstance(options.get("values"), list):
        return '"enumeration" function is missing "values" option (a list)'
    return _only("enumeration", options, ("values",))


def _alphabetical(options: dict[str, Any]) -> str | None:
    if "keyedBy" in options and not isinstance(options["keyedBy"], str):
        return '"alphabetical" function and its "keyedBy" option accepts only the following types: string'
    return _only("alphabetical", options, ("keyedBy",))


def _schema(options: dict[str, Any]) -> str | None:
    if not isinstance(options.get("schema"), (dict, bool)):
        return '"schema" function is missing "schema" option (a JSON Schema)'
    if options.get("dialect", "auto") not in ("auto", *DIALECTS):
        return f'"schema" function and its "dialect" option accepts only: auto, {", ".join(DIALECTS)}'
    try:
        validator_for(options)
    except Exception as exc:  # noqa: BLE001 - jsonschema.SchemaError and anything else a bad schema raises
        return f'"schema" function: the schema is not valid: {str(exc).splitlines()[0]}'
    return _only("schema", options, ("schema", "dialect", "allErrors"))


def _xor(options: dict[str, Any]) -> str | None:
    names = options.get("properties")
    if not (isinstance(names, list) and all(isinstance(n, str) for n in names)):
        return '"xor" function is missing "properties" option (a list of names)'
    return _only("xor", options, ("properties",))


_CHECKS = {"pattern": _pattern, "casing": _casing, "length": _length, "enumeration": _enumeration,
           "alphabetical": _alphabetical, "schema": _schema, "xor": _xor}
