"""Examples that hold a ``$ref`` to another file: Prism resolves it relative to the copy and does not start."""

from __future__ import annotations

from functools import partial
from typing import Any

from generator.targets.mock_spec.edits import Edits, KeyPath, without_keys


def without_file_refs(mappings: list[tuple[KeyPath, dict[Any, Any]]]) -> Edits:
    """An edit dropping each ``example``, and each entry of an ``examples`` mapping, that holds a ``$ref`` to a file
    (``mappings``: ``places.mappings`` of the document)."""
    drop: dict[KeyPath, set[str]] = {}
    for path, node in mappings:
        for key in ("example", "examples"):
            value = node.get(key)
            if isinstance(value, dict) and key == "examples":
                drop.setdefault(path + (key,), set()).update(k for k, v in value.items() if _file_ref_in(v))
            elif value is not None and _file_ref_in(value):
                drop.setdefault(path, set()).add(key)
    return {path: partial(without_keys, frozenset(names)) for path, names in drop.items() if names}


def _file_ref_in(node: Any) -> bool:
    if isinstance(node, dict):
        ref = node.get("$ref")
        return (isinstance(ref, str) and not ref.startswith("#")) or any(_file_ref_in(v) for v in node.values())
    return isinstance(node, list) and any(_file_ref_in(v) for v in node)
