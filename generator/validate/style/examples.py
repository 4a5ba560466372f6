"""Examples against their schemas: a schema's own ``example``/``default`` (oas3-valid-schema-example) and a media
type's, parameter's or header's ``example``/``examples`` (oas3-valid-media-example), one finding per error Spectral
would report (at the failing value inside the example)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from generator import pointer
from generator.load.document import Document
from generator.validate.refs import Unresolved
from generator.validate.style.context import Node, Style
from generator.validate.style.example_errors import Error, Validator, plain, pruned
from generator.validate.style.example_schemas import SKIP, SchemaProblems

if TYPE_CHECKING:
    from generator.validate.context import DocChecker

# a schema's example is checked only when the schema says something a value can break (Spectral's filter)
_CONSTRAINING = ("enum", "type", "format", "$ref", "properties", "items")
# where a media type's readOnly (request) or writeOnly (response) properties are not required
_REQUEST = re.compile(r"^/(?:components/requestBodies|paths/[^/]+/[^/]+/requestBody)/")
# lenient readings (SF060-SF069) of what the dialect's meta-schema rejects: `enum: []`, the other version's
# exclusiveMinimum/Maximum, a map of Example Objects as a 3.1 schema's `examples`
_META_BREAKING_30 = frozenset(("SF060", "SF061"))
_META_BREAKING_31 = frozenset(("SF062", "SF069"))
_RESPONSE = re.compile(r"^/(?:components/responses|paths/[^/]+/[^/]+/responses)/")


def check_schema_example(style: Style, checker: DocChecker, node: Node) -> None:
    schema = node.value
    if "$ref" in schema or not any(schema.get(key) for key in _CONSTRAINING):
        return  # Spectral resolved a `$ref`: the example or default beside it is gone
    first = True
    for field in ("example", "default"):
        if field in schema:
            _check(style, checker, "SF125", schema[field], schema, node.child(field), "", first)
            first = False


def check_media_example(style: Style, checker: DocChecker, node: Node) -> None:
    """The first of ``example`` and ``examples`` the object has (Spectral checks only that one)."""
    obj = node.value
    schema = obj.get("schema")
    if not schema or not isinstance(schema, dict):
        return
    relax = "request" if _REQUEST.match(node.ptr) else "response" if _RESPONSE.match(node.ptr) else ""
    if "example" in obj:
        _check(style, checker, "SF124", obj["example"], schema, node.child("example"), relax, True)
        return
    examples = obj.get("examples")
    if not isinstance(examples, dict):
        return
    for i, (name, example) in enumerate(examples.items()):
        # a `$ref`d Example Object's findings are where it is written (Spectral's place: once for all its uses)
        found = style.resolve(Node(node.doc, pointer.join(*pointer.split(node.ptr), "examples", name), example))
        example = found.value
        if isinstance(example, dict) and "externalValue" not in example:
            where = Node(found.doc, pointer.child(found.ptr, "value"), None)
            if "value" in example:
                _check(style, checker, "SF124", example["value"], schema, where, relax, i == 0)
            else:  # Spectral validates the missing value, and reports it missing
                style.report("SF124", "the example has no `value`", where)


def _check(style: Style, checker: DocChecker, rule: str, value: Any, schema: dict[str, Any], where: Node,
           relax: str, first: bool) -> None:
    problems = style.example_schemas.get(id(checker))
    if problems is None:
        problems = style.example_schemas[id(checker)] = SchemaProblems(
            _resolver(style), checker.openapi30, lambda: _rewritten(style, checker.openapi30), style.example_meta)
    meta, problem = problems.problem(schema, where.doc)
    if meta and first:
        style.report(rule, meta, where)
    elif problem == SKIP:
        return
    elif problem:
        style.report(rule, problem, where)
    else:
        for error in pruned(Validator(_resolver(style), relax).errors(plain(value), schema, where.doc)):
            inside = "".join("/" + pointer.escape(p) for p in _placed(error[1]))
            style.report(rule, _message(error), Node(where.doc, where.ptr + inside, None))


def _rewritten(style: Style, openapi30: bool) -> set[int]:
    """The schemas whose keywords the lenient reading rewrote from a form the dialect's meta-schema rejects (its
    findings, read from the run as they come)."""
    rules = _META_BREAKING_30 if openapi30 else _META_BREAKING_31
    cache = style.example_rewritten
    raw = style.run.raw
    for rule, _message, doc, where, _file, _position in raw[cache.seen:]:
        if rule in rules and doc is not None:
            schema = pointer.walk(doc.data, where.rsplit("/", 1)[0])
            cache.ids.setdefault(rule, set()).add(id(schema))
    cache.seen = len(raw)
    return set().union(*(cache.ids.get(rule, set()) for rule in rules))


def _resolver(style: Style) -> Callable[[Document, str], tuple[Document, Any] | None]:
    def resolve(doc: Document, ref: str) -> tuple[Document, Any] | None:
        try:
            target_doc, _ptr, target = style.run.refs.resolve(doc, ref)
        except Unresolved:
            return None
        return target_doc, target
    return resolve


def _placed(at: tuple[str, ...]) -> tuple[str, ...]:
    """Where Spectral places a finding inside the example: it keeps a key with `/` or `~` escaped, finds no such
    place in the document, and reports at the closest one it finds (the key's parent)."""
    cut = next((i for i, key in enumerate(at) if "/" in key or "~" in key), len(at))
    return at[:cut]


_SAYS = {
    "type": "must be of type {}", "required": "must have the property {!r}", "enum": "must be one of the enum values",
    "format": "must be a {} (format)", "pattern": "must match the pattern {!r}", "const": "must be the const",
    "additionalProperties": "must not have the property {!r} (additionalProperties)",
    "anyOf": "must match one of the anyOf schemas", "not": "must not match the `not` schema",
}


def _message(error: Error) -> str:
    keyword, at, detail = error
    what = f"{at[-1]!r}" if at else "the value"
    if keyword == "oneOf":
        return f"{what} must match exactly one oneOf schema ({'more than one' if detail else 'none'} matched)"
    return f"{what} {_SAYS.get(keyword, 'breaks ' + keyword + ' {}').format(detail)}".rstrip()
