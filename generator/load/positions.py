"""Where a JSON pointer sits in the spec text (line, column), and which mapping keys the text repeats."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import yaml

from generator import pointer as json_pointer
from generator.load.spans import OntoSpans, ScalarItem, spans_onto
from generator.load.yaml_events import SafeLoader

_SCALARS = (yaml.ScalarNode, ScalarItem)  # a key as a composed node, or as the reader kept it (spans.py)

if TYPE_CHECKING:
    from generator.load.document import Document

Duplicate = tuple[str, int, int, int, int]  # pointer of the duplicated member, line, column, first line, first column


class Positions:
    """Per-document position data, filled by the loader or lazily."""

    __slots__ = ("compose_failed", "composed", "dup_candidates", "dups", "keys", "nodes")

    def __init__(self) -> None:
        self.nodes: dict[int, yaml.Node] = {}  # id(dict or list in data) -> node it was built from (or spans.Spans)
        self.dup_candidates: list[yaml.MappingNode] = []
        self.composed: bool = False
        self.compose_failed: bool = False
        self.dups: list[Duplicate] | None = None
        self.keys: dict[int, dict[str, Any]] = {}  # id(big mapping node) -> its string keys' nodes (locate)


def _scalar_key(node: yaml.Node) -> str | None:
    if isinstance(node, _SCALARS):
        return str(node.value)
    return None


def _compose(doc: Document) -> None:
    """Compose the text once (JSON files, or when the loader's nodes are missing) and index its containers by pointer."""
    index = doc.index
    if index.composed or index.compose_failed:
        return
    try:
        found = spans_onto(doc.data, doc.text)  # the event reader, read again: a fraction of composing the text
    except yaml.YAMLError:
        index.compose_failed = True
        return
    if found is not None:
        index.composed = True
        index.nodes = found  # type: ignore[assignment]  # its repeated mappings: when duplicate_keys asks
        return
    try:
        root = yaml.compose(doc.text, Loader=SafeLoader)
    except (yaml.YAMLError, RecursionError, ValueError, TypeError):
        index.compose_failed = True
        return
    index.composed = True
    # map the composed nodes onto the data's containers by walking both in step
    stack: list[tuple[Any, Any]] = [(doc.data, root)]
    seen: set[int] = set()
    while stack:
        obj, node = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if isinstance(obj, dict) and isinstance(node, yaml.MappingNode):
            index.nodes[id(obj)] = node
            if len({_scalar_key(k) for k, _ in node.value}) != len(node.value):
                index.dup_candidates.append(node)
            for knode, vnode in node.value:
                key = _scalar_key(knode)
                if key is not None and key in obj and isinstance(obj[key], (dict, list)):
                    stack.append((obj[key], vnode))
        elif isinstance(obj, list) and isinstance(node, yaml.SequenceNode):
            index.nodes[id(obj)] = node
            for item, vnode in zip(obj, node.value):
                if isinstance(item, (dict, list)):
                    stack.append((item, vnode))


def locate(doc: Document, pointer: str) -> tuple[int, int]:
    """1-based (line, column) of the node at ``pointer`` (a key's position for a mapping member); (0, 0) if unknown.

    Walks the data and reads positions from the nodes the loader kept; for a pointer that goes past the data (a
    missing member) the deepest existing node is used.
    """
    index = doc.index
    if not index.nodes and not index.composed:
        _compose(doc)
    obj: Any = doc.data
    best: tuple[int, int] = (1, 1)
    for token in json_pointer.split(pointer):
        child = json_pointer.plain_child(obj, token)
        if child is json_pointer.MISSING:
            return best
        node = index.nodes.get(id(obj))
        if node is not None:
            best = _item_position(node, token, best) if isinstance(obj, list) else \
                _key_position(node, token, best, index.keys)
        obj = child
    if not pointer:
        node = index.nodes.get(id(obj))
        if node is not None:
            return (node.start_mark.line + 1, node.start_mark.column + 1)
    return best


def _item_position(node: yaml.Node, token: str, fallback: tuple[int, int]) -> tuple[int, int]:
    i = int(token)  # a valid index: the data has the item
    if not isinstance(node, yaml.SequenceNode) or i >= len(node.value):
        return fallback
    mark = node.value[i].start_mark
    return (mark.line + 1, mark.column + 1)


_BIG = 32  # a mapping with more members than this gets its keys indexed on first lookup


def _key_position(node: yaml.Node, token: str, fallback: tuple[int, int],
                  keys: dict[int, dict[str, Any]]) -> tuple[int, int]:
    if not isinstance(node, yaml.MappingNode):
        return fallback
    found: Any = None
    if len(node.value) > _BIG:
        cached = keys.get(id(node))  # the index holds the nodes, so an id is never reused
        if cached is None:
            cached = keys[id(node)] = {str(k.value): k for k, _ in node.value if isinstance(k, _SCALARS)}  # last wins
        found = cached.get(token)
    else:
        for knode, _ in node.value:  # the last one wins, as in the data
            if isinstance(knode, _SCALARS) and str(knode.value) == token:
                found = knode
    if found is None:
        for knode, _ in node.value:  # non-string keys: 200 vs "200"
            if _scalar_key(knode) == token:
                found = knode
    if found is None:
        return fallback
    return (found.start_mark.line + 1, found.start_mark.column + 1)


def duplicate_keys(doc: Document) -> list[Duplicate]:
    """Duplicate mapping keys: (pointer of the duplicated member, line, column, first line, first column)."""
    index = doc.index
    if index.dups is not None and not index.dups and not index.composed and doc.path.suffix.lower() == ".json":
        _compose(doc)  # JSON: the parse only knew there was a duplicate somewhere
        index.dups = None
    if index.dups is not None:
        return index.dups
    if isinstance(index.nodes, OntoSpans):  # a text read again (by a locate before, or just now)
        index.dup_candidates = index.nodes.repeated()
    result: list[Duplicate] = []
    if index.dup_candidates:
        pointers = _pointers_of_nodes(doc, {id(n) for n in index.dup_candidates})
        for node in index.dup_candidates:
            result.extend(_repeated_keys(node, pointers.get(id(node), "")))
    result.sort(key=lambda item: (item[1], item[2]))
    index.dups = result
    return result


def _repeated_keys(node: yaml.MappingNode, base: str) -> list[Duplicate]:
    lo, hi = node.start_mark.index, node.end_mark.index
    first: dict[str, yaml.Node] = {}
    found: list[Duplicate] = []
    for knode, _ in node.value:
        if not (lo <= knode.start_mark.index <= hi):
            continue  # a key merged in with `<<`, which own keys may override
        key = _scalar_key(knode)
        if key is None:
            continue
        if key in first:
            one, two = first[key].start_mark, knode.start_mark
            found.append((json_pointer.child(base, key), two.line + 1, two.column + 1, one.line + 1, one.column + 1))
        else:
            first[key] = knode
    return found


def _pointers_of_nodes(doc: Document, wanted: set[int]) -> dict[int, str]:
    """Pointers of the data containers built from the given nodes (ids), found by one walk of the data."""
    found: dict[int, str] = {}
    nodes = doc.index.nodes
    stack: list[tuple[Any, str]] = [(doc.data, "")]
    seen: set[int] = set()
    while stack and len(found) < len(wanted):
        obj, ptr = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        node = nodes.get(id(obj))
        if node is not None and id(node) in wanted and id(node) not in found:
            found[id(node)] = ptr
        if isinstance(obj, dict):
            for k, v in obj.items():
                if isinstance(v, (dict, list)):
                    stack.append((v, json_pointer.child(ptr, k)))
        else:
            for i, v in enumerate(obj):
                if isinstance(v, (dict, list)):
                    stack.append((v, f"{ptr}/{i}"))
    return found
