"""JSONPath for `given`: JSONPath-Plus spellings rulesets use, translated for python-jsonpath, compiled into steps.

python-jsonpath (RFC 9535 plus extras such as ``#`` for the current key) parses and evaluates filters; this module adds
what JSONPath-Plus (Spectral's dialect) writes differently: ``@property`` (``#``), ``===`` / ``!==``, ``!== void 0``
(existence), ``x.match(/re/)`` (``search``), ``[200]`` on a mapping, unquoted unions ``[get,put,post]`` and a
trailing ``~`` (the matched member's name). JavaScript inside a filter (``@.constructor``, other method calls,
``@parent``, ``@path``) cannot be evaluated: ``PathError`` says so.
The engine (``engine.py``) walks the document once and asks each step which children it selects (``Step.pick``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from jsonpath import JSONPathEnvironment, JSONPathError
from jsonpath.path import JSONPath
from jsonpath.segments import JSONPathRecursiveDescentSegment
from jsonpath.selectors import Filter, FilterContext, IndexSelector, NameSelector, SliceSelector, WildcardSelector

ENV = JSONPathEnvironment()

_BARE_UNION = re.compile(r"\[\s*([A-Za-z_$][\w$-]*(?:\s*,\s*[A-Za-z_$][\w$-]*)*)\s*\]")
_UNDEFINED = re.compile(r"(@(?:\.[\w$-]+|\[[^\]]*\])*)\s*(==|!=)\s*(?:void 0|undefined)\b")
_MATCH = re.compile(r"(#|@(?:\.[\w$-]+|\[[^\]]*\])*)\.match\(\s*/((?:[^/\\]|\\.)+)/\s*\)")
_JS_ONLY = re.compile(r"@(?:parent|parentProperty|path|root)\b|\.\s*(?:constructor|length)\b|\.\s*[A-Za-z_]\w*\s*\(|"
                      r"\btypeof\b|\binstanceof\b")


class PathError(ValueError):
    """A `given` (or `field`) this engine cannot evaluate, and why."""


@dataclass(frozen=True)
class Step:
    """One segment: the selectors of a child segment, or of a descendant segment (``descend``: ``..``)."""

    descend: bool
    selectors: tuple[Any, ...]

    def pick(self, obj: Any, root: Any) -> Iterator[Any]:
        """The keys (mapping) or indexes (list) of ``obj``'s children this step selects."""
        for selector in self.selectors:
            yield from _pick(selector, obj, root)


@dataclass(frozen=True)
class Path:
    text: str  # as the ruleset wrote it
    steps: tuple[Step, ...]
    keys: bool = False  # a trailing ``~``: the match is the member's name, not its value


def translate(text: str) -> tuple[str, bool]:
    """A JSONPath-Plus expression as python-jsonpath reads it, and whether it ends in ``~``."""
    text = text.strip()
    keys = text.endswith("~") and not text.endswith("[~]")
    if keys:
        text = text[:-1]
    text = text.replace("@property", "#").replace("===", "==").replace("!==", "!=")
    text = _MATCH.sub(lambda m: "search({}, '{}')".format(m.group(1), m.group(2).replace("'", "\\'")), text)
    text = _UNDEFINED.sub(lambda m: m.group(1) if m.group(2) == "!=" else f"!{m.group(1)}", text)
    text = _BARE_UNION.sub(lambda m: "[" + ",".join(repr(n.strip()) for n in m.group(1).split(",")) + "]", text)
    return text, keys


def compile_path(text: str) -> Path:
    """Compile one `given` expression; raises PathError."""
    if not isinstance(text, str) or not text.strip().startswith("$"):
        raise PathError(f"{text!r} is not a JSONPath expression (it must start with $)")
    translated, keys = translate(text)
    if _JS_ONLY.search(translated):
        raise PathError(f"{text!r} uses JavaScript inside a filter (JSONPath-Plus evaluates it with JavaScript; "
                        "sdkforge cannot): write the filter with ==, !=, <, >, &&, ||, !, @property and .match(/re/)")
    try:
        compiled = ENV.compile(translated)
    except JSONPathError as exc:
        raise PathError(f"{text!r} is not a JSONPath expression sdkforge reads: {str(exc).splitlines()[0]}") from None
    if not isinstance(compiled, JSONPath):
        raise PathError(f"{text!r}: unions of whole paths (|) are not supported; give a list of paths instead")
    steps = tuple(_step(segment, text) for segment in compiled.segments)
    return Path(text, steps, keys)


def _step(segment: Any, text: str) -> Step:
    for selector in segment.selectors:
        if not isinstance(selector, (NameSelector, IndexSelector, SliceSelector, WildcardSelector, Filter)):
            raise PathError(f"{text!r}: the selector {selector} is not supported")
    return Step(isinstance(segment, JSONPathRecursiveDescentSegment), tuple(segment.selectors))


def _pick(selector: Any, obj: Any, root: Any) -> Iterator[Any]:
    if isinstance(selector, NameSelector):
        if isinstance(obj, dict) and selector.name in obj:
            yield selector.name
    elif isinstance(selector, WildcardSelector):
        yield from (obj.keys() if isinstance(obj, dict) else range(len(obj)))
    elif isinstance(selector, Filter):
        yield from _filter(selector, obj, root)
    elif isinstance(selector, IndexSelector) and isinstance(obj, dict):  # JSONPath-Plus: responses[200] is a key
        if str(selector.index) in obj:
            yield str(selector.index)
    elif isinstance(obj, list):
        if isinstance(selector, IndexSelector):
            index = selector.index + len(obj) if selector.index < 0 else selector.index
            if 0 <= index < len(obj):
                yield index
        elif selector.slice.step != 0:
            yield from range(*selector.slice.indices(len(obj)))


def _filter(selector: Filter, obj: Any, root: Any) -> Iterator[Any]:
    items = obj.items() if isinstance(obj, dict) else enumerate(obj)
    expression = selector.expression
    for key, value in items:
        context = FilterContext(env=ENV, current=value, root=root, current_key=key)
        try:
            chosen = expression.evaluate(context)
        except (JSONPathError, TypeError, ValueError):
            chosen = False
        if chosen:
            yield key
