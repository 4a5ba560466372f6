"""The recommended checks' place in a validation: document passes before the walk, a visit per object in it, and
the unused-component pass after it (it needs every `$ref` the walk saw)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator.load.kinds import MAP_KINDS, SCHEMA
from generator.validate.style import components, documents, examples, operations, paths, schemas, security, servers
from generator.validate.style.context import Node, Style

if TYPE_CHECKING:
    from generator.validate.context import DocChecker, Run

_MEDIA = frozenset(("example", "examples"))


def start(run: Run) -> Style | None:
    """The run's Style when one of its rules is on, else None (the sdk ruleset pays nothing)."""
    style = Style(run)
    return style if style.on else None


def check_root(style: Style, checker: DocChecker) -> None:
    """The document-level passes over the top-level document (each reads what `$ref`s reach, once)."""
    root = Node(checker.doc, "", checker.doc.data)
    documents.check_document(style, root)
    servers.check_servers(style, root)
    paths.check_paths(style, root)
    operations.check_operations(style, root)
    security.check_security(style, root)


def visit(style: Style, checker: DocChecker, obj: dict[Any, Any], ptr: str, kind: int) -> None:
    """One object of the walk (each object once, in whichever file it is written)."""
    if kind in MAP_KINDS:
        return
    node = Node(checker.doc, ptr, obj)
    ref = obj.get("$ref")
    if ref is not None:
        found = components.target(checker.doc, ref)
        if found is not None:
            style.refs.add(found)
        if checker.openapi30 and len(obj) > 1:
            schemas.check_ref_siblings(style, node)
    for key, value in obj.items():
        if isinstance(value, (dict, list)) and isinstance(key, str) and key.startswith("x-"):
            components.extension_refs(style, checker.doc, value)
    if obj.get("enum"):
        schemas.check_enum(style, node, checker.openapi30)
    if kind == SCHEMA:
        if checker.openapi30:
            schemas.check_nullable(style, node)
        if "required" in obj:
            schemas.check_required(style, checker, node)
        if "example" in obj or "default" in obj:
            examples.check_schema_example(style, checker, node)
    elif "schema" in obj and not _MEDIA.isdisjoint(obj):
        examples.check_media_example(style, checker, node)


def finish(style: Style, checker: DocChecker) -> None:
    """After the walk: oas3-unused-component over the top-level document."""
    components.check_unused(style, Node(checker.doc, "", checker.doc.data))
