"""Build plain data straight from libyaml's event stream, without a node tree.

`yaml.load(..., CSafeLoader)` composes the whole document into node objects (each with two position marks) and then
walks them with pyyaml's Python constructor. For a 3 MB spec that node tree is about 40 MB that lives only to be
thrown away, and the generic constructor is most of the load time. Generation needs no positions (diagnostics
compose the text again, lazily), so this reader consumes the same C parser's events and builds dicts, lists and
scalars directly: scalars are resolved and constructed by pyyaml's own resolver and SafeConstructor, so values are
exactly what `yaml.safe_load` gives (except timestamps: the text written, see ``SafeLoader``).

It covers what specs use: mappings with scalar keys, sequences, plain and quoted scalars, anchors and aliases.
Anything else (merge keys `<<`, explicit collection tags, complex keys, several documents, an undefined alias)
raises `Unsupported`, and the caller loads the text the usual way, which also gives pyyaml's own error messages.

With a ``Tracker`` the reader also keeps where each node event starts (as numbers), where each container starts and
ends, and which mappings repeated a key: spans.py reads positions off them, only when a diagnostic asks for one.
"""

from __future__ import annotations

import gc
from typing import Any

import yaml
from yaml import events

try:
    _BaseLoader: Any = yaml.CSafeLoader  # the C parser
except AttributeError:  # pragma: no cover - pyyaml built without libyaml
    _BaseLoader = yaml.SafeLoader


class SafeLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The loader every reader of spec text uses: the safe loader, except that a YAML timestamp (an unquoted
    ``2024-01-02`` in an example or a default) is the text written. OpenAPI values are JSON, which has no dates: a
    `format: date` string is what the author meant, and a Python date would reach messages and checks as such."""


SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)

_STR = "tag:yaml.org,2002:str"
_COLLECTION_TAGS = (None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")
_NO_KEY: Any = object()  # the mapping on top of the stack is waiting for a key, not a value


class Unsupported(Exception):
    """The document uses a YAML feature this reader leaves to pyyaml's constructor."""


class Tracker:
    """What a tracked read keeps for positions (spans.py builds node-like spans from it when one is asked for), as
    plain numbers and strings: no event or mark objects, whose hundreds of thousands would make every garbage
    collection after the read walk them again. Each node event (scalar, alias, a container's start or end) gets an
    index, in order: ``marks[2 * i]`` and ``marks[2 * i + 1]`` are the line and column where it starts (a container's
    end: where it ends), ``texts[i]`` a scalar's value (None otherwise). Also where each container starts and ends,
    the anchor each alias names, the events that set each anchor, and the mappings that repeated a key."""

    def __init__(self) -> None:
        self.marks: list[int] = []
        self.texts: list[str | None] = []
        self.starts: dict[int, int] = {}  # id(container) -> index of its start event
        self.ends: dict[int, int] = {}  # index of a start event -> index of its end event
        self.sequences: set[int] = set()  # the start events of sequences (the others start mappings)
        self.aliases: dict[int, str] = {}  # index of an alias event -> the anchor it names
        self.anchors: dict[str, list[int]] = {}  # anchor -> indices of the events that set it, in order
        self.repeated: list[dict[Any, Any]] = []  # mappings that lost a value to a repeated key
        self.opened: list[int] = []  # start events of the containers still open


def load(text: str, loader_class: Any, tracker: Tracker | None = None) -> Any:
    """The document's data (see ``read``)."""
    return read(text, loader_class, tracker)[0]


def read(text: str, loader_class: Any, tracker: Tracker | None = None) -> tuple[Any, bool]:
    """The document's data, and whether it used an alias (only then can containers be shared, or contain
    themselves)."""
    loader = loader_class(text)
    # reading makes no reference cycles worth collecting (a recursive alias is refused later), but every container
    # it allocates would make the cyclic GC walk all of them again and again
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _build(loader, tracker)
    finally:
        if collecting:
            gc.enable()
        loader.dispose()


def _build(loader: Any, tracker: Tracker | None = None) -> tuple[Any, bool]:  # the hot loop: no calls per event
    get_event, resolve, construct = loader.get_event, loader.resolve, loader.construct_object
    anchors: dict[str, Any] = {}
    stack: list[Any] = []  # open containers, innermost last
    parent: Any = None  # the innermost open container (stack[-1])
    in_list = False  # whether it is a sequence
    key = _NO_KEY  # the innermost mapping's key waiting for its value
    root: Any = None
    aliased = False
    resolvable = _resolvable_first_characters(loader)
    resolved: dict[str, str] = {}  # plain text -> its tag: without path resolvers, the text alone decides
    scalar, alias, string = events.ScalarEvent, events.AliasEvent, _STR
    mapping_start, sequence_start = events.MappingStartEvent, events.SequenceStartEvent
    mapping_end, sequence_end = events.MappingEndEvent, events.SequenceEndEvent
    if tracker is not None:
        mark, text_of, texts = tracker.marks.extend, tracker.texts.append, tracker.texts
    while True:
        event = get_event()
        kind = type(event)
        if kind is scalar:
            tag = event.tag
            if tag is None or tag == "!":
                value = event.value
                if resolvable is None:
                    tag = resolve(yaml.ScalarNode, value, event.implicit)
                elif not event.implicit[0] or value and value[0] not in resolvable:
                    tag = string  # quoted, or plain text no implicit resolver starts with: what resolve() would say
                else:
                    tag = resolved.get(value)
                    if tag is None:
                        tag = resolved[value] = resolve(yaml.ScalarNode, value, event.implicit)
            if tag == string:
                value = event.value
            elif tag == "tag:yaml.org,2002:merge":
                raise Unsupported("merge key")
            else:  # ints, floats, booleans, nulls, timestamps, explicit tags: pyyaml's constructor decides
                value = construct(yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style))
            if tracker is not None:
                start = event.start_mark
                mark((start.line, start.column))
                text_of(event.value)
            if event.anchor is not None:
                anchors[event.anchor] = value
                if tracker is not None:
                    tracker.anchors.setdefault(event.anchor, []).append(len(texts) - 1)
        elif kind is mapping_start or kind is sequence_start:
            if event.tag not in _COLLECTION_TAGS:
                raise Unsupported(f"tag {event.tag}")
            container: Any = {} if kind is mapping_start else []
            if tracker is not None:
                start = event.start_mark
                mark((start.line, start.column))
                tracker.starts[id(container)] = at = len(texts)
                tracker.opened.append(at)
                text_of(None)
                if kind is sequence_start:
                    tracker.sequences.add(at)
                if event.anchor is not None:
                    tracker.anchors.setdefault(event.anchor, []).append(at)
            if event.anchor is not None:
                anchors[event.anchor] = container
            if parent is None:
                root = container
            elif in_list:
                parent.append(container)
            elif key is _NO_KEY:
                raise Unsupported("complex key")
            else:
                if tracker is not None and key in parent:
                    tracker.repeated.append(parent)
                parent[key] = container
            stack.append(container)
            parent, in_list, key = container, kind is sequence_start, _NO_KEY
            continue
        elif kind is mapping_end or kind is sequence_end:
            stack.pop()
            if tracker is not None:
                end = event.end_mark
                mark((end.line, end.column))
                tracker.ends[tracker.opened.pop()] = len(texts)
                text_of(None)
            parent = stack[-1] if stack else None
            in_list = type(parent) is list
            key = _NO_KEY  # a container is always a value, so its parent now waits for a key (or an item)
            continue
        elif kind is alias:
            if event.anchor not in anchors:
                raise Unsupported("undefined alias")
            value = anchors[event.anchor]
            aliased = True
            if tracker is not None:
                start = event.start_mark
                mark((start.line, start.column))
                tracker.aliases[len(texts)] = event.anchor
                text_of(None)
        elif kind is events.DocumentEndEvent:
            break
        elif kind is events.StreamEndEvent or event is None:  # an empty stream has no document
            return None, False
        else:  # stream and document start
            continue
        if parent is None:
            root = value
        elif in_list:
            parent.append(value)
        elif key is _NO_KEY:
            if type(value) is dict or type(value) is list:  # an alias to a container
                raise Unsupported("complex key")
            key = value
        else:
            if tracker is not None and key in parent:
                tracker.repeated.append(parent)
            parent[key] = value
            key = _NO_KEY
    if type(get_event()) is not events.StreamEndEvent:
        raise Unsupported("more than one document")
    return root, aliased


def _resolvable_first_characters(loader: Any) -> frozenset[str] | None:
    """The first characters of plain scalars the loader's implicit resolvers may read as something other than a
    string (digits, ``t``rue, ``n``ull, ...); None when any scalar might be (a wildcard or path resolver)."""
    resolvers = loader.yaml_implicit_resolvers
    if None in resolvers or getattr(loader, "yaml_path_resolvers", None) or loader.DEFAULT_SCALAR_TAG != _STR:
        return None
    return frozenset(resolvers)
