"""What the recommended checks share in one run: which of their rules are on, where findings go, `$ref` following."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from generator import pointer
from generator.frozen import frozen
from generator.load.document import Document
from generator.load.kinds import METHODS
from generator.validate.levels import level
from generator.validate.refs import Unresolved
from generator.validate.style.rules import RECOMMENDED

if TYPE_CHECKING:
    from generator.validate.context import Run

_MAX_HOPS = 32


@frozen
class Node:
    """An object where it is written: its document, its pointer there, its value (after following `$ref`s)."""

    doc: Document
    ptr: str
    value: Any

    def child(self, key: Any) -> Node:
        value = self.value.get(key) if isinstance(self.value, dict) else None
        return Node(self.doc, pointer.child(self.ptr, key), value)


@dataclass
class Rewritten:
    """The schemas the lenient reading rewrote, by rule (ids), from the run's findings up to ``seen``."""

    seen: int = 0
    ids: dict[str, set[int]] = field(default_factory=dict)


class Style:
    """One run's recommended checks: the rules that are on, and findings reported where the object is written."""

    def __init__(self, run: Run) -> None:
        self.run = run
        self.on = frozenset(entry[0] for entry in RECOMMENDED if level(run.rules, entry[0]) != "off")
        self.refs: set[tuple[str, str]] = set()  # (file, pointer) every `$ref` points at (oas3-unused-component)
        self.branch_parents: dict[int, list[Any]] = {}  # id(schema) -> schemas with it as a `$ref`d branch
        self.branch_docs: set[Any] = set()  # the documents indexed into branch_parents
        self.example_schemas: dict[int, Any] = {}  # id(DocChecker) -> its SchemaProblems (style/examples.py)
        self.example_meta: dict[tuple[bool, str], str | None] = {}  # SchemaProblems' judged texts, all files'
        self.example_rewritten = Rewritten()

    def report(self, rule: str, message: str, node: Node) -> None:
        if rule in self.on:
            self.run.report(rule, message, node.doc, node.ptr)

    def resolve(self, node: Node) -> Node:
        """``node`` with its `$ref` chain followed (as far as it resolves)."""
        for _ in range(_MAX_HOPS):
            value = node.value
            if not isinstance(value, dict) or not isinstance(value.get("$ref"), str):
                return node
            try:
                doc, ptr, target = self.run.refs.resolve(node.doc, value["$ref"])
            except Unresolved:
                return node
            node = Node(doc, ptr, target)
        return node

    def items(self, node: Node) -> Iterator[Node]:
        """The entries of a list (each resolved), or nothing."""
        if isinstance(node.value, list):
            for i, value in enumerate(node.value):
                yield self.resolve(Node(node.doc, f"{node.ptr}/{i}", value))

    def members(self, node: Node) -> Iterator[tuple[Any, Node]]:
        """The (key, resolved value) pairs of a mapping, or nothing."""
        if isinstance(node.value, dict):
            for key, value in node.value.items():
                yield key, self.resolve(Node(node.doc, pointer.child(node.ptr, key), value))


@frozen
class Operation:
    """An operation under ``paths`` (resolved through `$ref`d path items), with its path and path item."""

    path: str
    method: str
    node: Node
    item: Node


def operations(style: Style, root: Node) -> Iterator[Operation]:
    """Every operation of ``paths``, as Spectral's ``#OperationObject`` finds them (path item `$ref`s followed)."""
    for path, item in style.members(root.child("paths")):
        if isinstance(item.value, dict):
            for method in METHODS:
                op = item.value.get(method)
                if isinstance(op, dict):
                    yield Operation(str(path), method, style.resolve(item.child(method)), item)


def truthy(value: Any) -> bool:
    """JavaScript's truthiness (Spectral's ``truthy``): [] and {} are true, "", 0, false and null are not."""
    if isinstance(value, (list, dict)):
        return True
    return bool(value)
