"""Components no `$ref` points at (oas3-unused-component): the top-level document's reusable objects."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from generator import pointer
from generator.load.document import Document
from generator.validate.style.context import Node, Style

KINDS = ("schemas", "responses", "parameters", "examples", "requestBodies", "headers", "links", "callbacks")


def target(doc: Document, ref: Any) -> tuple[str, str] | None:
    """The (file, pointer) a `$ref` in ``doc`` names, without loading anything; None for a remote or odd `$ref`."""
    if not isinstance(ref, str) or "://" in ref or ref.startswith("//"):
        return None
    file_part, _, fragment = ref.partition("#")
    return _key(doc.path, unquote(file_part)), unquote(fragment)


@lru_cache(maxsize=4096)
def _key(base: Path, relative: str = "") -> str:
    """The absolute name of the file ``relative`` names from the file ``base`` ("": ``base`` itself)."""
    return str((base.parent / relative if relative else base).resolve())


def extension_refs(style: Style, doc: Document, value: Any) -> None:
    """Remember the `$ref`s inside an extension (``x-...``: the walk does not enter them, Spectral's resolver does)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            found = target(doc, item.get("$ref"))
            if found is not None:
                style.refs.add(found)
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend(v for v in item if isinstance(v, (dict, list)))


def check_unused(style: Style, root: Node) -> None:
    """Each component of ``root``'s ``components`` that no `$ref` in any file the walk reached names exactly."""
    components = root.value.get("components")
    if not isinstance(components, dict):
        return
    file = _key(root.doc.path)
    for kind in KINDS:
        objects = components.get(kind)
        if not isinstance(objects, dict):
            continue
        for name in objects:
            where = pointer.join("components", kind, name)
            if (file, where) not in style.refs:
                style.report("SF123", f"components.{kind}.{name} is not referenced", Node(root.doc, where, None))
