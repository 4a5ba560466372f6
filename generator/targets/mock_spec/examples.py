"""Examples that hold a ``$ref`` to another file: Prism resolves it relative to the copy and does not start."""

from __future__ import annotations

from functools import partial
from typing import Any

from generator.targets.mock_spec.edits import Edits, KeyPath, without_keys


def without_file_refs(data: Any) -> Edits:
    """An edit dropping each ``example``, and each entry of an ``examples`` mapping, that holds a ``$ref`` to a file."""
    drop: dict[KeyPath, set[str]] = {}

    def walk(node: Any, path: KeyPath) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("example", "examples") and not isinstance(value, dict) and _file_ref_in(value):
                    drop.setdefault(path, set()).add(key)
                elif key == "examples" and isinstance(value, dict):
                    drop.setdefault(path + (key,), set()).update(k for k, v in value.items() if _file_ref_in(v))
                else:
                    walk(value, path + (key,))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, path + (i,))

    walk(data, ())
    return {path: partial(without_keys, frozenset(names)) for path, names in drop.items() if names}


def _file_ref_in(node: Any) -> bool:
    if isinstance(node, dict):
        ref = node.get("$ref")
        return (isinstance(ref, str) and not ref.startswith("#")) or any(_file_ref_in(v) for v in node.values())
    return isinstance(node, list) and any(_file_ref_in(v) for v in node)
