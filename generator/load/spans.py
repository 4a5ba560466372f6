"""Node-like spans of a document's containers, built on demand from the events a tracked read kept.

positions.py reads line and column off YAML nodes: a mapping's ``value`` of (key, value) pairs, a sequence's items,
``start_mark`` / ``end_mark``. Building such a node for every container while reading costs as much as pyyaml's own
construction, so the reader only keeps its events (yaml_events.Tracker); a container's span is made the first time a
position inside it is asked for, by walking its events and skipping over nested containers.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml import events

from generator.load.yaml_events import Tracker

_STARTS = (events.MappingStartEvent, events.SequenceStartEvent)


class MappingSpan(yaml.MappingNode):
    """A mapping's start and end marks and its (key event, value event) pairs."""

    def __init__(self, start_mark: Any, end_mark: Any, value: list[Any]) -> None:  # tag and style are never read
        self.start_mark, self.end_mark, self.value = start_mark, end_mark, value


class SequenceSpan(yaml.SequenceNode):
    """A sequence's start and end marks and its items' events."""

    def __init__(self, start_mark: Any, end_mark: Any, value: list[Any]) -> None:
        self.start_mark, self.end_mark, self.value = start_mark, end_mark, value


class Spans:
    """``id(container) -> span``, as the ``nodes`` of positions.Positions (``get`` and truth are all it uses)."""

    def __init__(self, tracker: Tracker) -> None:
        self.tracker = tracker
        self.made: dict[int, Any] = {}
        self.anchors: dict[str, list[tuple[int, Any]]] | None = None  # anchor -> (event index, event), in order

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
        recorded, ends = self.tracker.events, self.tracker.ends
        end = ends[start]
        items = []
        i = start + 1
        while i < end:
            items.append(self._node(i))
            i = ends[i] + 1 if type(recorded[i]) in _STARTS else i + 1
        first, last = recorded[start], recorded[end]
        if type(first) is events.MappingStartEvent:
            return MappingSpan(first.start_mark, last.end_mark, list(zip(items[::2], items[1::2])))
        return SequenceSpan(first.start_mark, last.end_mark, items)

    def _node(self, i: int) -> Any:
        """The event node ``i`` starts with; an alias stands for the node its anchor last named (as when composed)."""
        event = self.tracker.events[i]
        if type(event) is not events.AliasEvent:
            return event
        if self.anchors is None:
            self.anchors = {}
            for at, e in enumerate(self.tracker.events):
                if type(e) is not events.AliasEvent and getattr(e, "anchor", None) is not None:
                    self.anchors.setdefault(e.anchor, []).append((at, e))
        named = [e for at, e in self.anchors.get(event.anchor, ()) if at < i]
        return named[-1] if named else event


def repeated_spans(spans: Spans) -> list[Any]:
    """The spans of the mappings that repeated a key, each once."""
    unique = {id(mapping): mapping for mapping in spans.tracker.repeated}
    return [spans.get(key) for key in unique]
