"""JSON pointers (RFC 6901): the one place that escapes, splits, joins and walks them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import unquote

MISSING: Any = object()  # what ``walk`` returns when a token does not resolve


def escape(token: Any) -> str:
    """One reference token: ``~`` -> ``~0`` and ``/`` -> ``~1`` (in that order)."""
    return str(token).replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def split(pointer: str) -> list[str]:
    """``/a/b~1c`` -> ``["a", "b/c"]``; a leading ``#`` (a local ``$ref``) is ignored."""
    pointer = pointer.removeprefix("#")
    if not pointer:
        return []
    return [unescape(part) for part in pointer.lstrip("/").split("/")]


def from_fragment(fragment: str) -> str:
    """The pointer a URI fragment spells (``#/a%7Bb%7D`` -> ``/a{b}``): percent-decoded first (RFC 6901, section 6)."""
    return unquote(fragment.removeprefix("#")) if "%" in fragment else fragment.removeprefix("#")


def join(*tokens: Any) -> str:
    return "".join("/" + escape(t) for t in tokens)


def child(base: str, token: Any) -> str:
    """The pointer of ``token`` under ``base``."""
    return base + "/" + escape(token)


def plain_child(node: Any, token: str) -> Any:
    """One step into plain data: a mapping key (a non-string key matches by its text) or a list index."""
    if isinstance(node, dict):
        if token in node:
            return node[token]
        for key in node:
            if not isinstance(key, str) and str(key) == token:
                return node[key]
        return MISSING
    if isinstance(node, list):
        try:
            return node[int(token)]
        except (ValueError, IndexError):
            return MISSING
    return MISSING


def walk(data: Any, pointer: str, step: Callable[[Any, str], Any] = plain_child) -> Any:
    """The value at ``pointer`` in ``data`` (``step`` takes one token), or ``MISSING``."""
    node = data
    for token in split(pointer):
        node = step(node, token)
        if node is MISSING:
            return MISSING
    return node


def nearest_mark(data: Any, pointer: str, marks: Mapping[int, Any]) -> tuple[Any, str]:
    """Along ``pointer`` through ``data``, the mark of the deepest container ``marks`` holds (keyed by ``id``; None
    when there is none on the way) and the rest of the pointer below that container."""
    tokens = split(pointer)
    mark, start = None, 0
    node: Any = data
    for i in range(len(tokens) + 1):
        found = marks.get(id(node)) if isinstance(node, (dict, list)) else None
        if found is not None:
            mark, start = found, i
        if i == len(tokens):
            break
        node = plain_child(node, tokens[i])
        if node is MISSING:
            break
    return mark, join(*tokens[start:])
