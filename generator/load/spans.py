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
    """A mapping's start and end marks and its (key, value) pairs."""

    def __init__(self, start_mark: Any, end_mark: Any, value: list[Any]) -> None:  # tag and style are never read
        self.start_mark, self.end_mark, self.value = start_mark, end_mark, value


class SequenceSpan(yaml.SequenceNode):
    """A sequence's start and end marks and its items."""

    def __init__(self, start_mark: Any, end_mark: Any, value: list[Any]) -> None:
        self.start_mark, self.end_mark, self.value = start_mark, end_mark, value


class ScalarSpan(yaml.ScalarNode):
    """A scalar (a key or an item): where it starts and the text it holds."""

    def __init__(self, start_mark: Any, value: str) -> None:
        self.start_mark, self.value = start_mark, value


class Place:
    """Where an item that is not a scalar starts (a container's start, or an alias whose anchor is unknown)."""

    def __init__(self, start_mark: Any) -> None:
        self.start_mark = start_mark


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
        ends = self.tracker.ends
        end = ends[start]
        items = []
        i = start + 1
        while i < end:
            items.append(self._node(i))
            i = ends[i] + 1 if i in ends else i + 1
        first, last = self._mark(start), self._mark(end)
        if start in self.tracker.sequences:
            return SequenceSpan(first, last, items)
        return MappingSpan(first, last, list(zip(items[::2], items[1::2])))

    def _mark(self, i: int) -> yaml.Mark:
        marks = self.tracker.marks
        return yaml.Mark("", i, marks[2 * i], marks[2 * i + 1], None, None)

    def _node(self, i: int) -> Any:
        """The node event ``i`` starts; an alias stands for the node its anchor last named (as when composed)."""
        tracker = self.tracker
        anchor = tracker.aliases.get(i)
        if anchor is not None:
            named = [at for at in tracker.anchors.get(anchor, ()) if at < i]
            if not named:
                return Place(self._mark(i))
            i = named[-1]
        text = tracker.texts[i]
        return Place(self._mark(i)) if text is None else ScalarSpan(self._mark(i), text)


def repeated_spans(spans: Spans) -> list[Any]:
    """The spans of the mappings that repeated a key, each once."""
    unique = {id(mapping): mapping for mapping in spans.tracker.repeated}
    return [spans.get(key) for key in unique]
