"""What a rule's ``then`` looks at: the matched value, a ``field`` below it (a dotted path, ``@key``, or a JSONPath),
and where each one is written (following `$ref`s when the rule is resolved), for locating and messages."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from generator.frozen import frozen
from generator.load.document import Document
from generator.pointer import escape, split
from generator.validate.custom.engine import Resolve
from generator.validate.custom.messages import UNDEFINED

_FIELD_TOKENS = re.compile(r"[^.\[\]]+|\[(?:'([^']*)'|\"([^\"]*)\"|([^\]]*))\]")


@frozen
class Place:
    """A value and where it is written; ``missing``: the members asked for below ``ptr`` that do not exist."""

    value: Any
    doc: Document
    ptr: str
    missing: tuple[str, ...] = ()

    def below(self, tokens: Iterable[Any], resolve: Resolve | None) -> Place:
        """The place ``tokens`` lead to from here, as far as they exist."""
        place, tokens = self, list(tokens)
        for i, token in enumerate(tokens):
            value = place.value
            if resolve is not None and isinstance(value, dict) and "$ref" in value:
                target = resolve(place.doc, value["$ref"])
                if target is not None:
                    place = Place(target[2], target[0], target[1])
                    value = place.value
            child = _child(value, token)
            if child is UNDEFINED:
                rest = tuple(str(t) for t in tokens[i:])
                return Place(UNDEFINED, place.doc, place.ptr, place.missing + rest)
            place = Place(child, place.doc, f"{place.ptr}/{escape(token)}")
        return place

    def property_name(self) -> str:
        """Spectral's ``{{property}}``: the last member's name, or the missing path from the last existing member."""
        tokens = split(self.ptr)
        if self.missing:
            from generator.validate.custom.messages import print_dot_path

            return print_dot_path((tokens[-1:] if tokens else []) + list(self.missing)) if tokens else self.missing[-1]
        return tokens[-1] if tokens else ""


def _child(value: Any, token: Any) -> Any:
    if isinstance(value, dict):
        return value.get(token, UNDEFINED) if token in value else value.get(str(token), UNDEFINED)
    if isinstance(value, list):
        try:
            index = int(token)
        except (TypeError, ValueError):
            return UNDEFINED
        return value[index] if 0 <= index < len(value) else UNDEFINED
    return UNDEFINED


def field_tokens(field: str) -> list[str]:
    """lodash's toPath: ``a.b[0]['c d']`` -> a, b, 0, c d."""
    tokens: list[str] = []
    for match in _FIELD_TOKENS.finditer(field):
        text = match.group(0)
        tokens.append(next((g for g in match.groups() if g is not None), text) if text.startswith("[") else text)
    return tokens


def targets(place: Place, field: str | None, resolve: Resolve | None) -> list[tuple[Place, Any]]:
    """(place, value given to the function) for each target of ``field`` at ``place``."""
    value = place.value
    if field is None or not isinstance(value, (dict, list)):
        return [(place, value)]
    if field == "@key":
        keys = list(value) if isinstance(value, dict) else [str(i) for i in range(len(value))]
        return [(place.below([k], None), k) for k in keys] or [(place, UNDEFINED)]
    if field.startswith("$"):
        found = _json_path(place, field, resolve)
        return found or [(place, UNDEFINED)]
    below = place.below(field_tokens(field), resolve)
    return [(below, below.value)]


def _json_path(place: Place, field: str, resolve: Resolve | None) -> list[tuple[Place, Any]]:
    from generator.validate.custom.paths import ENV, translate

    text, _keys = translate(field)
    result = []
    for match in ENV.finditer(text, place.value):
        below = place.below(match.parts, resolve)
        result.append((below, below.value))
    return result
