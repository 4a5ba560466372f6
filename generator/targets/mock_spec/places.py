"""Where the copy's edits look: the operations under ``paths``, their parameter lists, and every mapping."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.load.kinds import METHODS
from generator.targets.mock_spec.edits import KeyPath


def paths(data: Any) -> dict[Any, Any]:
    found = data.get("paths") if isinstance(data, dict) else None
    return found if isinstance(found, dict) else {}


def operations(data: Any) -> Iterator[tuple[KeyPath, Any, dict[str, Any]]]:
    """(key path, path key, operation) for every operation under ``paths``."""
    for key, item in paths(data).items():
        for method in METHODS:
            op = item.get(method) if isinstance(item, dict) else None
            if isinstance(op, dict):
                yield ("paths", key, method), key, op


def parameter_lists(data: Any) -> Iterator[tuple[KeyPath, Any, list[Any]]]:
    """(key path, path key, list) for every ``parameters`` list of a path item or an operation."""
    for key, item in paths(data).items():
        own = item.get("parameters") if isinstance(item, dict) else None
        if isinstance(own, list):
            yield ("paths", key, "parameters"), key, own
    for path, key, op in operations(data):
        if isinstance(op.get("parameters"), list):
            yield path + ("parameters",), key, op["parameters"]


def inline_parameters(data: Any) -> Iterator[tuple[KeyPath, Any, dict[str, Any]]]:
    """(key path, path key or None, parameter) for every parameter written out: in the lists above, and under
    ``components.parameters`` (path key None: the component may serve any path)."""
    for path, key, params in parameter_lists(data):
        yield from ((path + (i,), key, p) for i, p in enumerate(params) if isinstance(p, dict) and "$ref" not in p)
    components = data.get("components") if isinstance(data, dict) else None
    shared = components.get("parameters") if isinstance(components, dict) else None
    for name, p in shared.items() if isinstance(shared, dict) else ():
        if isinstance(p, dict) and "$ref" not in p:
            yield ("components", "parameters", name), None, p


def mappings(data: Any) -> list[tuple[KeyPath, dict[Any, Any]]]:
    """(key path, mapping) for every mapping of the document outside example data (``example``, ``examples``), in
    one walk that the families looking at every schema or example share."""
    found: list[tuple[KeyPath, dict[Any, Any]]] = []

    def walk(node: Any, path: KeyPath) -> None:
        if isinstance(node, dict):
            found.append((path, node))
            for key, value in node.items():
                if isinstance(value, (dict, list)) and key not in ("example", "examples"):
                    walk(value, path + (key,))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                if isinstance(value, (dict, list)):
                    walk(value, path + (i,))

    walk(data, ())
    return found
