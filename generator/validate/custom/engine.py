"""The walk: every compiled `given` of every rule matched in ONE pass over a document.

Each node carries the set of (path, step) states that reached it; a step's selectors say which children advance a
state, a descendant step (``..``) also hands its state to every child container. With ``resolve`` (rules with
``resolved: true``, Spectral's default) a ``$ref`` is followed where it stands, into this or another file, so a match
is located where its value is written; a ``$ref`` back into its own chain (a cycle) is left as it is. A node reached
again with the same states (a schema used from many places) is walked once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from generator.load.document import Document
from generator.pointer import escape
from generator.validate.custom.paths import Path

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
        advanced: dict[Any, set[tuple[int, int]]] = {}
        for pid, i in states:
            if i == ends[pid]:
                continue
            step = steps[pid][i]
            if step.descend:
                for k, v in (value.items() if isinstance(value, dict) else enumerate(value)):
                    if isinstance(v, (dict, list)):
                        advanced.setdefault(k, set()).add((pid, i))
            for k in step.pick(value, root):
                advanced.setdefault(k, set()).add((pid, i + 1))
        for k, child_states in advanced.items():
            child, cdoc, cptr, cchain = value[k], vdoc, f"{ptr}/{escape(k)}", chain
            if resolve is not None and isinstance(child, dict) and "$ref" in child:
                target = resolve(vdoc, child["$ref"])
                if target is not None and (target[0].path, target[1]) not in chain:
                    cdoc, cptr, child = target
                    cchain = (*chain, (cdoc.path, cptr))
            stack.append((child, k, cdoc, cptr, frozenset(child_states), cchain))
