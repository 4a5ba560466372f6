"""The walk: every compiled `given` of every rule matched in ONE pass over a document.

Each node carries the set of (path, step) states that reached it; a step's selectors say which children advance a
state, a descendant step (``..``) also hands its state to every child container. With ``resolve`` (rules with
``resolved: true``, Spectral's default) a ``$ref`` is followed where it stands, into this or another file, so a match
is located where its value is written; a ``$ref`` back into its own chain (a cycle) is left as it is. A node reached
again with the same states (a schema used from many places) is walked once. Selectors and filters see a container's
children resolved, and a filter's ``@.a.b`` follows `$ref`s on its way (``paths.DEREF``), as in Spectral's resolved
document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from generator.load.document import Document
from generator.pointer import escape
from generator.validate.custom.paths import DEREF, Path

Resolve = Callable[[Document, Any], "tuple[Document, str, Any] | None"]
Match = tuple[int, Any, Any, Document, str]  # path index, value, its key, document, pointer


def walk(doc: Document, paths: list[Path], resolve: Resolve | None) -> Iterator[Match]:
    """Every (path index, value, key, document, pointer) the paths select in ``doc``."""
    steps = [path.steps for path in paths]
    ends = [len(s) for s in steps]
    root = doc.data
    stack: list[tuple[Any, Any, Document, str, frozenset[tuple[int, int]], tuple[Any, ...]]] = [
        (root, None, doc, "", frozenset((pid, 0) for pid in range(len(paths))), ())]
    expanded: set[tuple[int, frozenset[tuple[int, int]]]] = set()
    deref = _deref(resolve) if resolve is not None else None
    while stack:
        value, key, vdoc, ptr, states, chain = stack.pop()
        for pid, i in states:
            if i == ends[pid]:
                yield pid, value, key, vdoc, ptr
        if not isinstance(value, (dict, list)):
            continue
        seen = (id(value), states)
        if seen in expanded:
            continue
        expanded.add(seen)
        view, located = _resolved_children(value, vdoc, ptr, chain, resolve) if resolve is not None else (value, {})
        advanced: dict[Any, set[tuple[int, int]]] = {}
        token = None
        if deref is not None:
            token = DEREF.set((deref, _doc_of(located, vdoc)))
        for pid, i in states:
            if i == ends[pid]:
                continue
            step = steps[pid][i]
            if step.descend:
                for k, v in (view.items() if isinstance(view, dict) else enumerate(view)):
                    if isinstance(v, (dict, list)):
                        advanced.setdefault(k, set()).add((pid, i))
            for k in step.pick(view, root):
                advanced.setdefault(k, set()).add((pid, i + 1))
        if token is not None:
            DEREF.reset(token)
        for k, child_states in advanced.items():
            cdoc, cptr, cchain = located.get(k) or (vdoc, f"{ptr}/{escape(k)}", chain)
            stack.append((view[k], k, cdoc, cptr, frozenset(child_states), cchain))


def _resolved_children(value: Any, vdoc: Document, ptr: str, chain: tuple[Any, ...],
                       resolve: Resolve) -> tuple[Any, dict[Any, tuple[Document, str, tuple[Any, ...]]]]:
    """The container as the resolved document has it (each child `$ref` replaced by its target, so selectors and
    filters see what it points at), and where each replaced child is written; a `$ref` back into its own chain (a
    cycle) stays as it is."""
    located: dict[Any, tuple[Document, str, tuple[Any, ...]]] = {}
    view = value
    for k, child in (value.items() if isinstance(value, dict) else enumerate(value)):
        if isinstance(child, dict) and "$ref" in child:
            target = resolve(vdoc, child["$ref"])
            if target is not None and (target[0].path, target[1]) not in chain:
                if view is value:
                    view = dict(value) if isinstance(value, dict) else list(value)
                view[k] = target[2]
                located[k] = (target[0], target[1], (*chain, (target[0].path, target[1])))
    return view, located


def _doc_of(located: dict[Any, tuple[Document, str, tuple[Any, ...]]], vdoc: Document) -> Callable[[Any], Any]:
    """A child's document by its key: its `$ref` target's, or its parent's."""
    return lambda key: located[key][0] if key in located else vdoc


def _deref(resolve: Resolve) -> Callable[[Any, Any], tuple[Any, Any]]:
    """(document, value) -> the same with a `$ref` value followed (a filter's member look-ups in resolved rules)."""

    def deref(doc: Any, value: Any) -> tuple[Any, Any]:
        for _ in range(16):  # a chain of `$ref`s, not a cycle
            if doc is None or not (isinstance(value, dict) and isinstance(value.get("$ref"), str)):
                break
            target = resolve(doc, value["$ref"])
            if target is None:
                break
            doc, value = target[0], target[2]
        return doc, value

    return deref
