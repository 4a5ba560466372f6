"""Node-like spans of a document's containers, built on demand from the positions a tracked read kept.

positions.py reads line and column off YAML nodes: a mapping's ``value`` of (key, value) pairs, a sequence's items,
``start_mark`` / ``end_mark``, a scalar key's ``value``. Building such a node for every container while reading costs
as much as pyyaml's own construction, so the reader only keeps numbers (yaml_events.Tracker); a container's span is
made the first time a position inside it is asked for, by walking its events and skipping over nested containers.
A mark's ``index`` here is the event's place in the text's order (what comparing positions needs), not a character
offset.
"""

from __future__ import annotations

from typing import Any

import yaml

from generator.load.yaml_events import Tracker


class MappingSpan(yaml.MappingNode):
    """A mapping's start and end (as Items) and its (key, value) pairs."""

    def __init__(self, start_mark: Any, end_mark: Any, value: list[Any]) -> None:  # tag and style are never read
        self.start_mark, self.end_mark, self.value = start_mark, end_mark, value


class SequenceSpan(yaml.SequenceNode):
    """A sequence's start and end (as Items) and its items."""

    def __init__(self, start_mark: Any, end_mark: Any, value: list[Any]) -> None:
        self.start_mark, self.end_mark, self.value = start_mark, end_mark, value


class Item:
    """A key or an item of a span (or the node an alias stands for): where its event starts. It is its own
    ``start_mark`` (``line``, ``column``, and ``index``: the event's place in the text's order)."""

    __slots__ = ("column", "index", "line")

    def __init__(self, marks: list[int], at: int) -> None:
        self.line, self.column, self.index = marks[2 * at], marks[2 * at + 1], at

    @property
    def start_mark(self) -> Item:
        return self


class ScalarItem(Item):
    """A scalar key or item, with the text it holds."""

    __slots__ = ("value",)

    def __init__(self, marks: list[int], at: int, value: str) -> None:
        self.line, self.column, self.index, self.value = marks[2 * at], marks[2 * at + 1], at, value


class Spans:
    """``id(container) -> span``, as the ``nodes`` of positions.Positions (``get`` and truth are all it uses)."""

    def __init__(self, tracker: Tracker) -> None:
        self.tracker = tracker
        self.made: dict[int, Any] = {}

    def __bool__(self) -> bool:
        return bool(self.tracker.starts)

    def get(self, key: int, default: Any = None) -> Any:
        span = self.made.get(key)
        if span is None:
            start = self.tracker.starts.get(key)
            if start is None:
                return default
            span = self.made[key] = self._span(start)
        return span

    def _span(self, start: int) -> Any:
        tracker = self.tracker
        ends, texts, marks, aliases = tracker.ends, tracker.texts, tracker.marks, tracker.aliases
        end = ends[start]
        items: list[Item] = []
        i = start + 1
        while i < end:
            at = i if not aliases or i not in aliases else self._anchored(i)
            text = texts[at]
            items.append(Item(marks, at) if text is None else ScalarItem(marks, at, text))
            i = ends[i] + 1 if i in ends else i + 1
        first, last = Item(marks, start), Item(marks, end)
        if start in tracker.sequences:
            return SequenceSpan(first, last, items)
        return MappingSpan(first, last, list(zip(items[::2], items[1::2])))

    def _anchored(self, i: int) -> int:
        """The node an alias stands for: the one its anchor last named before it (as when composed), else itself."""
        named = [at for at in self.tracker.anchors.get(self.tracker.aliases[i], ()) if at < i]
        return named[-1] if named else i


def repeated_spans(spans: Spans) -> list[Any]:
    """The spans of the mappings that repeated a key, each once."""
    unique = {id(mapping): mapping for mapping in spans.tracker.repeated}
    return [spans.get(key) for key in unique]
