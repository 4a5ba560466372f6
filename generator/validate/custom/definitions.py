"""One custom rule as a ruleset defines it (``given``, ``then``, severity, message, ``resolved``, ``formats``),
checked when it is read: every `given` compiled, every function a core one with valid options."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, NoReturn

from generator.errors import UsageError
from generator.frozen import frozen
from generator.load.document import Document
from generator.load.positions import locate
from generator.validate.custom.core import FUNCTIONS, check_options
from generator.validate.custom.formats import FORMATS
from generator.validate.custom.paths import Path, PathError, compile_path

SEVERITIES = {"error": "error", "warn": "warning", "warning": "warning", "info": "warning", "hint": "warning",
              "off": "off", 0: "error", 1: "warning", 2: "warning", 3: "warning", -1: "off"}


class Located:
    """A ruleset file, for errors that name its file and line."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc

    def fail(self, ptr: str, message: str) -> NoReturn:
        line, _column = locate(self.doc, ptr)
        where = f"{self.doc.path}:{line}" if line else str(self.doc.path)
        raise UsageError(f"ruleset {where}: {message}")


@frozen
class Then:
    field: str | None
    function: str
    options: Any


@frozen
class CustomRule:
    name: str
    given: tuple[Path, ...]
    then: tuple[Then, ...]
    severity: str  # error | warning | off
    default_severity: str  # what ``true`` turns it back on at
    message: str | None = None
    description: str | None = None
    resolved: bool = True
    formats: frozenset[str] | None = None
    recommended: bool = True

    def with_severity(self, level: str) -> CustomRule:
        return replace(self, severity=level)


def severity(where: Located, ptr: str, value: Any, default: str) -> str:
    """Spectral's severity spellings (error, warn, info, hint, off, 0-3, -1, true, false) as sdkforge levels:
    info and hint become warnings (sdkforge has two levels)."""
    if value is True:
        return default
    if value is False:
        return "off"
    level = SEVERITIES.get(value.lower() if isinstance(value, str) else value)
    if level is None:
        where.fail(ptr, f"severity must be error, warn, info, hint, off or a boolean, not {value!r}")
    return level


def parse_rule(where: Located, ptr: str, name: str, spec: dict[str, Any], formats: Any,
               aliases: dict[str, list[str]], declared: frozenset[str]) -> CustomRule:
    given = tuple(_given(where, ptr, name, spec.get("given"), aliases))
    then = tuple(_then(where, ptr, name, spec.get("then"), declared))
    default = severity(where, ptr + "/severity", spec.get("severity", "warn"), "warning")
    recommended = spec.get("recommended", True) is not False
    message, description = spec.get("message"), spec.get("description")
    if message is not None and not isinstance(message, str):
        where.fail(ptr + "/message", f"rule {name!r}: message must be a string")
    return CustomRule(name, given, then, default if recommended else "off", default, message,
                      description if isinstance(description, str) else None, spec.get("resolved", True) is not False,
                      _formats(where, ptr, name, spec.get("formats", formats)), recommended)


def _given(where: Located, ptr: str, name: str, value: Any, aliases: dict[str, list[str]]) -> list[Path]:
    items = value if isinstance(value, list) else [value]
    if not items or value is None:
        where.fail(ptr, f"rule {name!r} has no `given`")
    result: list[Path] = []
    for item in items:
        if isinstance(item, str) and item.startswith("#") and _alias_name(item) not in aliases:
            where.fail(ptr + "/given", f"rule {name!r}: unknown alias {_alias_name(item)!r} (define it under aliases)")
        for text in _expand(item, aliases):
            try:
                result.append(compile_path(text))
            except PathError as exc:
                where.fail(ptr + "/given", f"rule {name!r}: {exc}")
    return result


def _alias_name(text: str) -> str:
    return text[1:].partition(".")[0].partition("[")[0]


def _expand(text: Any, aliases: dict[str, list[str]]) -> list[Any]:
    """A `given` with its ``#Alias`` prefix replaced by the alias's paths."""
    if not (isinstance(text, str) and text.startswith("#")):
        return [text]
    alias, _, rest = text[1:].partition(".")
    alias, bracket, after = alias.partition("[")
    rest = (bracket + after + ("." + rest if rest else "")) if bracket else ("." + rest if rest else "")
    if alias not in aliases:
        return [text]
    return [expanded for base in aliases[alias] for expanded in _expand(base + rest, aliases)]


def _then(where: Located, ptr: str, name: str, value: Any, declared: frozenset[str]) -> list[Then]:
    items = value if isinstance(value, list) else [value]
    result: list[Then] = []
    for i, item in enumerate(items):
        here = f"{ptr}/then" + (f"/{i}" if isinstance(value, list) else "")
        if not isinstance(item, dict) or not isinstance(item.get("function"), str):
            where.fail(here, f"rule {name!r}: each `then` needs a `function`")
        function = item["function"]
        if function not in FUNCTIONS:
            kind = "a JavaScript function (functions/functionsDir)" if function in declared else "not a core function"
            where.fail(here + "/function", f"rule {name!r}: function {function!r} is {kind}; sdkforge runs Spectral's "
                       f"core functions only ({', '.join(FUNCTIONS)})")
        problem = check_options(function, item.get("functionOptions"))
        if problem:
            where.fail(here + "/functionOptions", f"rule {name!r}: {problem}")
        field = item.get("field")
        if field is not None and not isinstance(field, str):
            where.fail(here + "/field", f"rule {name!r}: field must be a string")
        result.append(Then(field, function, item.get("functionOptions")))
    return result


def _formats(where: Located, ptr: str, name: str, value: Any) -> frozenset[str] | None:
    if value is None:
        return None
    names = value if isinstance(value, list) else [value]
    unknown = [f for f in names if f not in FORMATS]
    if unknown:
        where.fail(ptr + "/formats", f"rule {name!r}: unknown format {unknown[0]!r} (known: {', '.join(FORMATS)})")
    return frozenset(str(f).replace(".", "_") for f in names)
