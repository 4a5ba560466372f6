"""Examples holding a ``$ref`` that leads nowhere in the copy (to another file, or to a pointer the document lacks,
``#/definitions/base`` inside an example that is itself a JSON Schema): Prism resolves every ``$ref``, example data
too, and does not start ("token "definitions" in "#/definitions/base" does not exist")."""

from __future__ import annotations

from functools import partial
from typing import Any

from generator import pointer
from generator.targets.mock_spec.edits import Edits, KeyPath, without_keys


def without_broken_refs(data: Any, mappings: list[tuple[KeyPath, dict[Any, Any]]]) -> Edits:
    """An edit dropping each ``example``, and each entry of an ``examples`` mapping, that holds such a ``$ref``
    (``mappings``: ``places.mappings`` of the document); a reference to a shared example left out is one too."""
    components = data.get("components") if isinstance(data, dict) else None
    shared = components.get("examples") if isinstance(components, dict) else None
    gone = {f"#/components/examples/{pointer.escape(name)}" for name, value in
            (shared.items() if isinstance(shared, dict) else ()) if _broken_ref_in(data, frozenset(), value)}
    broken = partial(_broken_ref_in, data, frozenset(gone))
    drop: dict[KeyPath, set[str]] = {}
    for path, node in mappings:
        for key in ("example", "examples"):
            value = node.get(key)
            if isinstance(value, dict) and key == "examples":
                drop.setdefault(path + (key,), set()).update(k for k, v in value.items() if broken(v))
            elif value is not None and broken(value):
                drop.setdefault(path, set()).add(key)
    return {path: partial(without_keys, frozenset(names)) for path, names in drop.items() if names}


def _broken_ref_in(data: Any, gone: frozenset[str], node: Any) -> bool:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and (not ref.startswith("#") or ref in gone
                                     or pointer.walk(data, pointer.from_fragment(ref)) is pointer.MISSING):
            return True
        return any(_broken_ref_in(data, gone, v) for v in node.values())
    return isinstance(node, list) and any(_broken_ref_in(data, gone, v) for v in node)
