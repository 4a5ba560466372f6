"""Components no `$ref` points at (oas3-unused-component): the top-level document's reusable objects."""

from __future__ import annotations

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
    path = doc.path if not file_part else (doc.path.parent / unquote(file_part))
    return _key(path), unquote(fragment)


def _key(path: Path) -> str:
    return str(path.resolve())


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
