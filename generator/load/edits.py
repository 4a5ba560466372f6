"""A spec read again after an edit: the block of YAML that holds the edit is read, the rest is taken from the last read.

The last read is kept as plain values (``packed``: the data and what a tracked read keeps for positions). Against a new
text, the lines that differ are found (a common prefix and suffix), then the innermost block mapping or sequence whose
lines hold them all. Its lines of the new text are read on their own, as a document indented as it was: libyaml reads
a block the same way there as in place, so long as no line of it is indented less than the block (checked) and the
text around it is unchanged. The result replaces the old block in the data, and its events replace the old block's
in the positions (the events after it move by the difference in events and lines).

Anything this does not handle ends in None, and the caller reads the whole text: a text with anchors or aliases,
repeated keys, tabs or line breaks other than ``\\n`` in the block (or anywhere: ``\\r``, U+0085, U+2028, U+2029 count as
line breaks to libyaml), a block at column 0, in flow style, or that reads as something else on its own.
tests/test_load_edits.py compares what this gives with a whole read, for many edits of real specs.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from generator import pointer
from generator.load import yaml_events
from generator.load.document import Document, Since, load_spec, read_text
from generator.load.positions import Positions
from generator.load.spans import Spans
from generator.load.yaml_events import SafeLoader, Tracker

# text, data, its containers, their start events, and the Tracker's marks, texts, ends and sequences
Parcel = tuple[str, Any, list[Any], list[int], list[int], list[Any], dict[int, int], set[int]]

_OTHER_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


def packed(doc: Document) -> Parcel | None:
    """``doc`` as plain values to keep (pickling keeps shared containers shared, but not their ids, which positions
    are keyed by: each container travels with its start event). None for a document this module does not reread."""
    nodes = doc.index.nodes
    if not isinstance(nodes, Spans) or doc.index.dup_candidates:
        return None
    t = nodes.tracker
    if t.aliases or t.anchors or t.repeated:
        return None
    containers = _containers(doc.data)
    return (doc.text, doc.data, containers, [t.starts[id(c)] for c in containers], t.marks, t.texts, t.ends,
            t.sequences)


def load(path: Path, last: Any) -> Document:
    """What ``load_spec(path)`` gives, from ``last`` (the file's last read as ``packed`` made it, if it is one) and the
    edit where it can be."""
    if isinstance(last, tuple) and len(last) == 8 and path.suffix.lower() != ".json":
        found = reread(path, read_text(path), last)
        if found is not None:
            return found
    return load_spec(path)


def reread(path: Path, text: str, parcel: Parcel) -> Document | None:
    """The Document ``load_spec`` reads from ``text``, made from the last read (``parcel``) and the edited block;
    None where a whole read is needed."""
    old, data, containers, starts, marks, texts, ends, sequences = parcel
    tracker = Tracker()
    tracker.marks, tracker.texts, tracker.ends, tracker.sequences = marks, texts, ends, sequences
    edits: tuple[str, ...] = ()
    if text == old:
        tracker.starts = {id(c): start for c, start in zip(containers, starts)}
    else:
        edited = _edited(old, text, data, tracker, containers, starts)
        if edited is None:
            return None
        data, tracker, where = edited
        edits = (where,)
    index = Positions()
    index.nodes = Spans(tracker)  # type: ignore[assignment]
    since = Since(hashlib.sha256(old.encode()).hexdigest(), edits)
    return Document(path=path, text=text, data=data, index=index, since=since)


def _edited(old: str, new: str, data: Any, tracker: Tracker, containers: list[Any], starts: list[int],
            ) -> tuple[Any, Tracker, str] | None:
    """The data and positions of ``new`` and the pointer of the block read again, or None (see the module's note);
    ``tracker`` has no ``starts`` yet."""
    if any(mark in new for mark in _OTHER_BREAKS):
        return None
    old_lines, new_lines = old.split("\n"), new.split("\n")
    first, last = _edited_lines(old_lines, new_lines)
    delta = len(new_lines) - len(old_lines)
    block = _block(old_lines, tracker, first, last)
    if block is None:
        return None
    start, end = block
    marks = tracker.marks
    top, column = marks[2 * start], marks[2 * start + 1]
    lines = new_lines[top:marks[2 * end] + delta]
    if not _indented(lines, column):
        return None
    part = Tracker()
    try:
        value, aliased = yaml_events.read("\n".join(lines) + "\n", SafeLoader, part)
    except Exception:  # noqa: BLE001 - whatever the block says on its own, a whole read decides
        return None
    if aliased or part.anchors or part.repeated or not isinstance(value, (dict, list)):
        return None
    if isinstance(value, list) != (start in tracker.sequences) or part.marks[:2] != [0, column]:
        return None
    objects = dict(zip(starts, containers))
    where = _pointer(tracker, objects, start, end)
    if where is None or not _replace(data, tracker, objects, start, end, value):
        return None
    return data, _spliced(tracker, part, (start, end), (top, len(lines), delta), zip(containers, starts)), where


def _block(lines: list[str], tracker: Tracker, first: int, last: int) -> tuple[int, int] | None:
    """(start event, end event) of the innermost block container whose lines hold lines ``first`` to ``last``: it
    starts on or before ``first``, with only indentation before it on its line, and ends after ``last``, where the
    next token starts a line (not at the end of a last line without a line break)."""
    marks = tracker.marks
    found = None
    for start, end in tracker.ends.items():
        if marks[2 * start] <= first and last < marks[2 * end] and (found is None or start > found[0]):
            found = (start, end)
    if found is None or found[0] == 0:
        return None  # the edit is not inside one block below the document's root
    line, column = marks[2 * found[0]], marks[2 * found[0] + 1]
    if column == 0 or lines[line][:column].strip(" ") or lines[line][column:column + 1] in ("{", "["):
        return None  # at column 0 (a document marker could start a line), after a "- " or a key, or in flow style
    line, column = marks[2 * found[1]], marks[2 * found[1] + 1]
    if line >= len(lines) or lines[line][:column].strip(" "):
        return None
    return found


def _indented(lines: list[str], column: int) -> bool:
    """Whether every line that says something is indented to ``column`` at least, with spaces only, and the first
    starts the block there."""
    if not lines or len(lines[0]) - len(lines[0].lstrip(" ")) != column:
        return False
    for line in lines:
        stripped = line.lstrip(" ")
        if "\t" in line or (stripped and not stripped.startswith("#") and len(line) - len(stripped) < column):
            return False
    return True


def _pointer(tracker: Tracker, objects: dict[int, Any], start: int, end: int) -> str | None:
    """The JSON pointer of the container of events ``start``-``end``: the key or index of each container around it
    in the one around that."""
    around = sorted(s for s, e in tracker.ends.items() if s <= start and e >= end)
    tokens = []
    for outer, inner in itertools.pairwise(around):
        parent, child = objects.get(outer), objects.get(inner)
        items = parent.items() if isinstance(parent, dict) else enumerate(parent) if isinstance(parent, list) else ()
        key = next((k for k, v in items if v is child), _MISSING)
        if key is _MISSING:
            return None
        tokens.append(key)
    return pointer.join(*tokens)


def _replace(data: Any, tracker: Tracker, objects: dict[int, Any], start: int, end: int, value: Any) -> bool:
    """Put ``value`` where the container of events ``start``-``end`` is, in its parent (the innermost container
    around it)."""
    outer = max((s for s, e in tracker.ends.items() if s < start and e > end), default=None)
    if outer is None:
        return False
    parent, old = objects.get(outer), objects.get(start)
    if isinstance(parent, dict):
        key = next((k for k, v in parent.items() if v is old), _MISSING)
        if key is _MISSING:
            return False
        parent[key] = value
        return True
    if isinstance(parent, list):
        at = next((i for i, v in enumerate(parent) if v is old), None)
        if at is None:
            return False
        parent[at] = value
        return True
    return False


_MISSING = object()


def _spliced(tracker: Tracker, part: Tracker, events: tuple[int, int], lines: tuple[int, int, int],
             starts: Iterable[tuple[Any, int]]) -> Tracker:
    """The old read's events with those ``start``-``end`` (``events``) replaced by the block's own (``part``, read
    ``top`` lines down and ``height`` lines long), the events after them moved by the difference (and ``delta`` lines,
    ``lines`` being all three); ``starts``: each container of the old read's data with its start event."""
    (start, end), (top, height, delta) = events, lines
    shift = len(part.texts) - (end - start + 1)
    old_marks = tracker.marks
    closing = [old_marks[2 * end] + delta, old_marks[2 * end + 1]]  # what ends the block in place: the next token
    block_marks = []
    for i in range(0, len(part.marks), 2):
        line = part.marks[i]
        # the block's end read on its own is the end of its text; in place, the token after it
        block_marks += closing if line >= height else [line + top, part.marks[i + 1]]
    after = old_marks[2 * end + 2:]
    if delta:
        after = [v + delta if i % 2 == 0 else v for i, v in enumerate(after)]
    out = Tracker()
    out.marks = old_marks[:2 * start] + block_marks + after
    out.texts = tracker.texts[:start] + part.texts + tracker.texts[end + 1:]
    out.ends = {(s if s < start else s + shift): (e if e < start else e + shift)
                for s, e in tracker.ends.items() if s < start or s > end}
    out.ends.update({s + start: e + start for s, e in part.ends.items()})
    out.sequences = {s if s < start else s + shift for s in tracker.sequences if s < start or s > end}
    out.sequences.update(s + start for s in part.sequences)
    out.starts = {id(c): (s if s < start else s + shift) for c, s in starts if s < start or s > end}
    out.starts.update({key: s + start for key, s in part.starts.items()})
    return out


def _edited_lines(old: list[str], new: list[str]) -> tuple[int, int]:
    """The first and the last line of ``old`` that the edit touches (the lines before and after it are the same)."""
    same = min(len(old), len(new))
    first = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), same)
    after = min(same - first, next((i for i, (a, b) in enumerate(zip(reversed(old), reversed(new))) if a != b), same))
    return first, len(old) - 1 - after


def _containers(data: Any) -> list[Any]:
    """Every dict and list in ``data``, each once, in a fixed order."""
    found: list[Any] = []
    seen: set[int] = set()
    stack = [data]
    while stack:
        obj = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        found.append(obj)
        stack.extend(v for v in (obj.values() if type(obj) is dict else obj) if type(v) is dict or type(v) is list)
    return found
