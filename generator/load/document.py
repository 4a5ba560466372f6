"""A spec file read into plain data: ``load_spec`` turns bytes (YAML or JSON) into a ``Document`` or one SpecError.

YAML is built straight from libyaml's events (yaml_events); with tracking the reader also keeps where each event
starts, as numbers, and the mappings that lost keys to duplicates (pyyaml silently keeps the last one):
``positions.locate`` and ``positions.duplicate_keys`` read them through node-like spans (spans.py), made only when a
diagnostic asks for a position. YAML the event reader leaves to pyyaml (merge keys, explicit collection tags) is read
by the C loader through a thin subclass that keeps the YAML node behind every mapping and sequence.

JSON files are read with ``json`` (YAML 1.1 reads some JSON numbers differently); their positions (and those of an
untracked read) come from reading the text again with the event reader, once, lazily, the first time a position is
asked for.

Hostile input ends in a ``SpecError``: unreadable path, directory, 0-byte file, non-UTF-8 bytes, text that is not
YAML/JSON, nesting deep enough to exhaust recursion, and alias bombs (``guards``).
"""

from __future__ import annotations

import json
from dataclasses import field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import SpecError
from generator.frozen import frozen
from generator.load import spans, yaml_events
from generator.load.guards import check_aliases, may_alias
from generator.load.positions import Positions
from generator.load.yaml_events import SafeLoader


@frozen
class Since:
    """What changed since the last read of a spec (load.edits): that read's text (its sha256), and the pointers of
    the places edited since (none: the same text)."""

    text: str
    edited: tuple[str, ...]


@frozen
class Document:
    path: Path
    text: str
    data: dict[str, Any]
    index: Positions = field(default_factory=Positions, compare=False, repr=False)
    since: Since | None = field(default=None, compare=False, repr=False)  # None: read whole


class _TrackingLoader(SafeLoader):  # type: ignore[misc, valid-type]
    """The C safe loader, remembering the node behind every container and mappings that had duplicate keys."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.sf_index = Positions()


def _construct_map(loader: _TrackingLoader, node: yaml.MappingNode) -> Any:
    data: dict[Any, Any] = {}
    yield data
    value = loader.construct_mapping(node)
    if len(value) != len(node.value):
        loader.sf_index.dup_candidates.append(node)
    data.update(value)
    loader.sf_index.nodes[id(data)] = node


def _construct_seq(loader: _TrackingLoader, node: yaml.SequenceNode) -> Any:
    data: list[Any] = []
    yield data
    data.extend(loader.construct_sequence(node))
    loader.sf_index.nodes[id(data)] = node


_TrackingLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_TrackingLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def load_spec(path: str | Path, *, track: bool = True) -> Document:
    """Read and parse a spec. ``track=False`` keeps no YAML nodes (less memory); positions are then found by
    composing the text again, lazily, the first time a diagnostic asks for one."""
    path = Path(path)
    text = read_text(path)
    index = Positions()
    data = _parse(text, path, index, track)
    if not isinstance(data, dict):
        raise SpecError(
            "the document is not a mapping (an OpenAPI object)",
            file=str(path),
            pointer="",
            line=1,
            column=1,
            hint="an OpenAPI document is a mapping with `openapi`, `info` and `paths` keys",
        )
    return Document(path=path, text=text, data=data, index=index)


def read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise SpecError("is a directory, not a spec file", file=str(path)) from None
    except FileNotFoundError:
        raise SpecError("no such file", file=str(path)) from None
    except OSError as exc:
        raise SpecError(f"cannot read: {exc.strerror or exc}", file=str(path)) from None
    if not raw.strip():
        raise SpecError("the file is empty", file=str(path), hint="an OpenAPI document starts with `openapi: 3.x.y`")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SpecError(
            f"not UTF-8 text (byte {exc.start})", file=str(path), hint="re-save the file as UTF-8"
        ) from None
    return text.removeprefix("\ufeff")


def _parse(text: str, path: Path, index: Positions, track: bool) -> Any:
    if path.suffix.lower() == ".json":
        return _parse_json(text, path, index)
    try:
        data, aliased = _load_yaml(text, index, track)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "syntax error"
        if "nesting depth" in str(exc):
            problem = "the document is nested too deeply"
        raise SpecError(
            f"invalid YAML: {problem}",
            file=str(path),
            line=(mark.line + 1) if mark else 0,
            column=(mark.column + 1) if mark else 0,
        ) from None
    except yaml.YAMLError as exc:
        raise SpecError(f"invalid YAML: {exc}", file=str(path)) from None
    except RecursionError:
        raise SpecError("the document is nested too deeply", file=str(path)) from None
    except (TypeError, ValueError) as exc:  # e.g. an unhashable key such as `? [a]: b`
        raise SpecError(f"invalid YAML: {exc}", file=str(path)) from None
    if aliased:
        check_aliases(data, path)
    return data


def _load_yaml(text: str, index: Positions, track: bool) -> tuple[Any, bool]:
    """The data, and whether it may share containers (YAML aliases)."""
    tracker = yaml_events.Tracker() if track else None
    try:
        data, aliased = yaml_events.read(text, SafeLoader, tracker)
    except yaml_events.Unsupported:
        pass  # a YAML feature specs rarely use: pyyaml's constructor handles it (and its errors) below
    else:
        if tracker is not None:
            index.nodes = spans.Spans(tracker)  # type: ignore[assignment]
            index.dup_candidates = spans.repeated_spans(index.nodes)  # type: ignore[arg-type]
        return data, aliased
    loader = _TrackingLoader(text) if track else SafeLoader(text)
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    if track:
        index.nodes = loader.sf_index.nodes
        index.dup_candidates = loader.sf_index.dup_candidates
    return data, may_alias(text)


def _parse_json(text: str, path: Path, index: Positions) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_json_object)
    except json.JSONDecodeError as exc:
        raise SpecError(f"invalid JSON: {exc.msg}", file=str(path), line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        raise SpecError("the document is nested too deeply", file=str(path)) from None
    except _JsonDuplicate:
        # rare: parse again keeping the last value (JSON semantics); positions come from the lazy compose
        index.dups = []
        try:
            return json.loads(text)
        except RecursionError:  # pragma: no cover - the first parse would have failed the same way
            raise SpecError("the document is nested too deeply", file=str(path)) from None


class _JsonDuplicate(Exception):
    pass


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _JsonDuplicate
    return result
