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

from generator.load.yaml_events import SafeLoader, Tracker, Unsupported, read


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

    def children(self, start: int) -> list[int]:
        """The events the items (or keys and values) of the container starting at ``start`` start with; an alias's
        is the event of the node its anchor last named before it (as when composed)."""
        ends, aliases = self.tracker.ends, self.tracker.aliases
        end = ends[start]
        found: list[int] = []
        i = start + 1
        while i < end:
            found.append(i if not aliases or i not in aliases else self._anchored(i))
            i = ends[i] + 1 if i in ends else i + 1
        return found

    def _span(self, start: int) -> Any:
        tracker = self.tracker
        texts, marks = tracker.texts, tracker.marks
        items: list[Item] = []
        for at in self.children(start):
            text = texts[at]
            items.append(Item(marks, at) if text is None else ScalarItem(marks, at, text))
        first, last = Item(marks, start), Item(marks, tracker.ends[start])
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


class OntoSpans(Spans):
    """The spans of a text read again for data read before (JSON, or an untracked read), matched to the data's
    containers as pyyaml's composed nodes were (a member by its key's text, an item by its index). A container's
    start is found when its parent's span is made, which is the order ``positions.locate`` asks in (it walks down from
    the root), so locating a few pointers reads the spans on their paths, not the whole document; ``repeated`` (for
    duplicate keys) matches every container at once. A document with aliases (containers the data shares) is matched
    at once, as the first match decides."""

    def __init__(self, tracker: Tracker, data: Any) -> None:
        super().__init__(tracker)
        self.data = data
        self.objects: dict[int, Any] = {}  # start event -> the data's container read from it
        self._repeated: list[Any] | None = None
        tracker.starts = {}
        if tracker.aliases:
            self.repeated()
        elif self._fits(data, 0):
            self._match(data, 0)

    def _fits(self, obj: Any, at: int) -> bool:
        """Whether the event at ``at`` starts a container of ``obj``'s kind."""
        return isinstance(obj, (dict, list)) and at in self.tracker.ends and isinstance(obj, list) == (
            at in self.tracker.sequences)

    def _match(self, obj: Any, at: int) -> None:
        self.tracker.starts[id(obj)] = at
        self.objects[at] = obj

    def _span(self, start: int) -> Any:
        span = super()._span(start)
        obj = self.objects.get(start) if self._repeated is None else None
        if isinstance(obj, dict):
            for key, value in span.value:  # a repeated key: the last one matches, as the data holds its value
                text = getattr(key, "value", None)
                if text is not None and text in obj and self._fits(obj[text], value.index):
                    self._match(obj[text], value.index)
        elif isinstance(obj, list):
            for item, value in zip(obj, span.value):
                if self._fits(item, value.index):
                    self._match(item, value.index)
        return span

    def repeated(self) -> list[Any]:
        """The spans of the data's mappings whose key texts repeat; every container matched."""
        if self._repeated is None:
            self._repeated = _match_all(self, self.data)
        return self._repeated


def _match_all(spans: Spans, data: Any) -> list[Any]:
    """Every container of ``data`` matched to its start event (``spans.tracker.starts``) by walking both in step; the
    spans of the mappings whose key texts repeat."""
    tracker = spans.tracker
    starts: dict[int, int] = {}  # id(container in data) -> its start event
    repeated: list[dict[Any, Any]] = []  # the mappings whose key texts repeat
    stack: list[tuple[Any, int]] = [(data, 0)]
    seen: set[int] = set()
    while stack:
        obj, at = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if at not in tracker.ends or isinstance(obj, list) != (at in tracker.sequences):
            continue  # a scalar or another kind of container where the data has this one
        if isinstance(obj, dict):
            starts[id(obj)] = at
            pairs = spans.children(at)
            keys = [tracker.texts[key] for key in pairs[::2]]
            if len(set(keys)) != len(keys):
                repeated.append(obj)
            for key, value in zip(keys, pairs[1::2]):
                if key is not None and key in obj and isinstance(obj[key], (dict, list)):
                    stack.append((obj[key], value))
        elif isinstance(obj, list):
            starts[id(obj)] = at
            stack.extend((item, value) for item, value in zip(obj, spans.children(at)) if isinstance(item, (dict, list)))
    tracker.starts = starts
    return [spans.get(id(obj)) for obj in repeated]


def spans_onto(data: Any, text: str) -> OntoSpans | None:
    """Positions for ``data`` read from ``text`` by other means (JSON, or an untracked read): the text read again by
    the event reader, its containers matched to ``data``'s (see OntoSpans). None where the reader leaves the text to
    pyyaml's composer (which then decides, and fails where it must); text the parser refuses raises its error (the
    composer, on the same parser, would refuse it too)."""
    tracker = Tracker()
    try:
        read(text, SafeLoader, tracker)
    except (Unsupported, yaml.constructor.ConstructorError, RecursionError, ValueError, TypeError):
        return None  # what the reader refuses beyond the parser's events: values it constructs, YAML it leaves
    if any(len(named) > 1 for named in tracker.anchors.values()):
        return None  # an anchor named twice: the composer refuses the text
    return OntoSpans(tracker, data)
