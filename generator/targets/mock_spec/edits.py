"""Edits to the loaded document, keyed by where they apply, and the copy that applies them."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

from generator import pointer

KeyPath = tuple[Any, ...]  # keys from the document root to the edited node
Edit = Callable[[Any], Any]
Edits = dict[KeyPath, Edit]


def merged(*families: Edits) -> Edits:
    """One mapping of edits; two edits of the same node run one after the other (in the order given)."""
    out: Edits = {}
    for edits in families:
        for path, edit in edits.items():
            earlier = out.get(path)
            out[path] = edit if earlier is None else _then(earlier, edit)
    return out


def _then(first: Edit, second: Edit) -> Edit:
    return lambda node: second(first(node))


def edited(node: Any, edits: Edits) -> Any:
    """``node`` with the edits applied, deeper edits first; only the mappings and lists on the way to an edit are
    copied, so the loaded document stays untouched."""
    on_way = {p[:n] for p in edits for n in range(len(p))}
    return _edited(node, (), edits, on_way)


def _edited(node: Any, path: KeyPath, edits: Edits, on_way: set[KeyPath]) -> Any:
    if path in on_way and isinstance(node, dict):
        node = {k: _edited(v, path + (k,), edits, on_way) for k, v in node.items()}
    elif path in on_way and isinstance(node, list):
        node = [_edited(v, path + (i,), edits, on_way) for i, v in enumerate(node)]
    return edits[path](node) if path in edits else node


def without_keys(names: frozenset[str], node: Any) -> Any:
    return {k: v for k, v in node.items() if k not in names} if isinstance(node, dict) else node


def local(data: Any, node: Any) -> Any:
    """``node``, or what its local ``$ref`` (``#/components/...``) points at; None for a ref to another file."""
    ref = node.get("$ref") if isinstance(node, dict) else None
    if not isinstance(ref, str):
        return node
    found = pointer.walk(data, ref) if ref.startswith("#") else None
    return None if found is pointer.MISSING else found


def key_path(data: Any, where: str) -> KeyPath | None:
    """The keys (as the loaded data holds them: a YAML ``200`` is an int) along ``where``; None when it leads nowhere."""
    keys: list[Any] = []
    node = data
    for token in pointer.split(where):
        if isinstance(node, dict):
            # a direct hit first: scanning every key made a walk of 14,000 schemas quadratic
            key = token if token in node else next((k for k in node if str(k) == token), pointer.MISSING)
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            key = int(token)
        else:
            return None
        if key is pointer.MISSING:
            return None
        keys.append(key)
        node = node[key]
    return tuple(keys)


def json_default(value: object) -> object:
    # the YAML loader reads unquoted dates as date objects; Prism's YAML 1.2 parser reads them as strings
    if isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
        return value.isoformat()
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
