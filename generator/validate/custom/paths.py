"""JSONPath for `given`: JSONPath-Plus spellings rulesets use, translated for python-jsonpath, compiled into steps.

python-jsonpath (RFC 9535 plus extras such as ``#`` for the current key) parses and evaluates filters; this module adds
what JSONPath-Plus (Spectral's dialect) writes differently: ``@property`` (``#``), ``===`` / ``!==``, ``!== void 0``
(existence), ``x.match(/re/)`` (``search``), ``[200]`` on a mapping, unquoted unions ``[get,put,post]`` and a
trailing ``~`` (the matched member's name). JavaScript inside a filter (``@.constructor``, other method calls,
``@parent``, ``@path``) cannot be evaluated: ``PathError`` says so.
The engine (``engine.py``) walks the document once and asks each step which children it selects (``Step.pick``).

Why python-jsonpath: of the maintained Python libraries it is the one with a current-key operator (``#``, what
``@property`` needs), regex functions and a segment/selector tree to walk with; jsonpath-rfc9535 has neither, and
jsonpath-ng has no current key. None reads ``===``, ``@property``, ``.match()`` or a trailing ``~`` as written, and
python-jsonpath reads ``[get,put]`` as singular queries (no match, no error): hence the translation above.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any, ClassVar

from jsonpath import JSONPathEnvironment, JSONPathError
from jsonpath.filter import BaseExpression, RelativeFilterQuery
from jsonpath.function_extensions import ExpressionType, FilterFunction
from jsonpath.match import JSONPathMatch, NodeList
from jsonpath.path import JSONPath
from jsonpath.segments import JSONPathRecursiveDescentSegment
from jsonpath.selectors import Filter, FilterContext, IndexSelector, NameSelector, SliceSelector, WildcardSelector

from generator.frozen import frozen
from generator.validate.custom.functions import js_regex

ENV = JSONPathEnvironment()
# set by the engine while a resolved rule's filters run: (follow a `$ref`: (document, value) -> (document, value),
# the document a child is written in, by its key)
DEREF: ContextVar[tuple[Callable[[Any, Any], tuple[Any, Any]], Callable[[Any], Any]] | None] = ContextVar(
    "DEREF", default=None)

_OPERAND = r"(#|@(?:\.[\w$-]+|\[[^\]]*\])*)"  # the current key, or the current value and members of it
_JS_LITERAL = r"(?:/((?:[^/\\]|\\.)+)/([a-z]*)|\"((?:[^\"\\]|\\.)*)\"|'((?:[^'\\]|\\.)*)')"
_MATCH = re.compile(_OPERAND + r"\.match\(\s*" + _JS_LITERAL + r"\s*\)")
_MATCH_GUARD = re.compile(_OPERAND + r"\.match\s*&&\s*")  # `@.name.match && ...`: "is a string", as jsmatch checks
_STARTS = re.compile(_OPERAND + r"\.startsWith\(\s*" + _JS_LITERAL + r"\s*\)")
_CHAR_AT = re.compile(_OPERAND + r"\[(\d+)\]\s*(==|!=)\s*(?:\"([^\"\\])\"|'([^'\\])')")
_DOT_BRACKET = re.compile(r"(?<!\.)\.(?=\[)")
_DOT_QUOTED = re.compile(r"(?<!\.)\.('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")")
_DOT_NUMBER = re.compile(r"(?<!\.)\.(\d+)(?=[.\[~]|$)")
_STRING = re.compile(r"('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")")
_BARE = re.compile(r"\[\s*([^\]'\"?*()@:~\s\d-][^\]'\"()@:]*)\]")
_UNDEFINED = re.compile(r"(@(?:\.[\w$-]+|\[[^\]]*\])*)\s*(==|!=)\s*(?:void 0|undefined)\b")
_JS_ONLY = re.compile(r"@(?:parent|parentProperty|path|root)\b|\.\s*(?:constructor|length)\b|\.\s*[A-Za-z_]\w*\s*\(|"
                      r"\btypeof\b|\binstanceof\b|#\s*\[")


class _JsMatch(FilterFunction):  # type: ignore[misc]
    """``jsmatch(value, '/source/flags')``: a JavaScript regular expression searched in a string (``x.match(re)``)."""

    arg_types: ClassVar[list[ExpressionType]] = [ExpressionType.VALUE, ExpressionType.VALUE]
    return_type = ExpressionType.LOGICAL

    def __call__(self, value: object, pattern: object) -> bool:
        if not isinstance(value, str) or not isinstance(pattern, str):
            return False
        try:
            return js_regex(pattern).search(value) is not None
        except re.error:
            return False


ENV.function_extensions["jsmatch"] = _JsMatch()


def _literal(text: str) -> str:
    """A JSONPath single-quoted string of ``text``."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _js_pattern(m: re.Match[str], first: int) -> str:
    """The JavaScript regular expression of a ``/source/flags`` or string literal (groups from ``first``)."""
    source, flags, double, single = m.group(first), m.group(first + 1), m.group(first + 2), m.group(first + 3)
    if source is not None:
        return f"/{source}/{flags}"
    return double if double is not None else single


def _plus_filters(text: str) -> str:
    text = _MATCH_GUARD.sub("", text)
    text = _MATCH.sub(lambda m: f"jsmatch({m.group(1)}, {_literal(_js_pattern(m, 2))})", text)
    text = _STARTS.sub(lambda m: f"startswith({m.group(1)}, {_literal(_js_pattern(m, 2))})", text)

    def char_at(m: re.Match[str]) -> str:
        char = m.group(4) if m.group(4) is not None else m.group(5)
        test = f"jsmatch({m.group(1)}, {_literal(f'^.{{{m.group(2)}}}' + re.escape(char))})"
        return test if m.group(3) == "==" else f"!{test}"

    return _CHAR_AT.sub(char_at, text)


def _quote_bare(m: re.Match[str]) -> str:
    return "[" + ",".join(_literal(name.strip()) for name in m.group(1).split(",")) + "]"


class PathError(ValueError):
    """A `given` (or `field`) this engine cannot evaluate, and why."""


@frozen
class Step:
    """One segment: the selectors of a child segment, or of a descendant segment (``descend``: ``..``)."""

    descend: bool
    selectors: tuple[Any, ...]

    def pick(self, obj: Any, root: Any) -> Iterator[Any]:
        """The keys (mapping) or indexes (list) of ``obj``'s children this step selects."""
        for selector in self.selectors:
            yield from _pick(selector, obj, root)


@frozen
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
    text = _plus_filters(text)
    text = _UNDEFINED.sub(lambda m: m.group(1) if m.group(2) == "!=" else f"!{m.group(1)}", text)
    text = _DOT_QUOTED.sub(lambda m: f"[{m.group(1)}]", text)
    parts = _STRING.split(text)  # odd parts are string literals: left as they are
    for i in range(0, len(parts), 2):
        part = _DOT_BRACKET.sub("", parts[i])
        part = _DOT_NUMBER.sub(lambda m: f"['{m.group(1)}']", part)
        parts[i] = _BARE.sub(_quote_bare, part)
    return "".join(parts), keys


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
        if isinstance(selector, Filter):
            _direct_members(selector.expression)
    return Step(isinstance(segment, JSONPathRecursiveDescentSegment), tuple(segment.selectors))


class _Member(RelativeFilterQuery):  # type: ignore[misc]
    """``@.a['b']`` in a filter, looked up directly (the same node list the query would give, without running it)."""

    __slots__ = ("names",)

    def __init__(self, query: RelativeFilterQuery, names: tuple[str, ...]) -> None:
        super().__init__(query.path)
        self.names = names

    def evaluate(self, context: FilterContext) -> object:
        value, deref = context.current, DEREF.get()
        doc = deref[1](context.current_key) if deref is not None else None
        for name in self.names:
            if deref is not None:
                doc, value = deref[0](doc, value)
            if not isinstance(value, dict) or name not in value:
                return NodeList()
            value = value[name]
        if deref is not None:
            doc, value = deref[0](doc, value)
        return NodeList([JSONPathMatch(filter_context={}, obj=value, parent=None, path="", parts=self.names,
                                       root=context.root)])


def _direct_members(expression: BaseExpression) -> None:
    """Replace, in a filter's tree, each ``@.name...`` query of member names only by a direct look-up."""
    children = expression.children()
    if not children or isinstance(expression, RelativeFilterQuery):
        return
    replaced: list[BaseExpression] = []
    for child in children:
        names = _member_names(child) if type(child) is RelativeFilterQuery else None
        if names and isinstance(child, RelativeFilterQuery):
            replaced.append(_Member(child, names))
        else:
            _direct_members(child)
            replaced.append(child)
    expression.set_children(replaced)


def _member_names(query: Any) -> tuple[str, ...] | None:
    names: list[str] = []
    for segment in query.path.segments:
        if isinstance(segment, JSONPathRecursiveDescentSegment) or len(segment.selectors) != 1:
            return None
        if not isinstance(segment.selectors[0], NameSelector):
            return None
        names.append(segment.selectors[0].name)
    return tuple(names)


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
