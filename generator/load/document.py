"""Load a spec file: bytes -> plain dict (YAML with the C loader, or JSON), plus positions on demand.

The fast path is one ``yaml.load`` with the C loader. The loader is a thin subclass that keeps, for every mapping and
sequence it builds, the YAML node it came from (libyaml composes the whole node tree before construction anyway, so
keeping it costs no extra peak memory and almost no time). ``locate(doc, pointer)`` walks the data by JSON pointer and
reads the line and column off those nodes, so positions cost nothing until a diagnostic asks for one. The same
constructor notices mappings that lost keys to duplicates (pyyaml silently keeps the last one); ``duplicate_keys(doc)``
reports them with pointers and positions.

JSON files are read with ``json`` (YAML 1.1 reads some JSON numbers differently); their positions come from composing
the text with the C YAML composer once, lazily, the first time a position is asked for.

Guards against hostile input, all ending in a ``SpecError``: unreadable path, directory, 0-byte file, non-UTF-8 bytes,
text that is not YAML/JSON, nesting deep enough to exhaust recursion, and alias bombs (anchors/aliases whose expansion
would exceed ``MAX_EXPANDED_NODES`` or that refer to themselves).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import SpecError
from generator.load import yaml_events

try:
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pyyaml built without libyaml
    _Loader = yaml.SafeLoader

#: Upper bound on the number of values a document may expand to once its YAML aliases are followed.
MAX_EXPANDED_NODES = 2_000_000

# An anchor (``&name``) where a node may start. Aliases need an anchor, so a document without a match has no aliases
# and skips the expansion check. False positives (``&`` in prose) only cost that check.
_ANCHOR_RE = re.compile(r"(?:^|[\s\[{,])&[^\s\[\]{},]")


class _Index:
    """Per-document position data, filled by the loader or lazily."""

    __slots__ = ("compose_failed", "composed", "dup_candidates", "dups", "nodes")

    def __init__(self) -> None:
        self.nodes: dict[int, yaml.Node] = {}  # id(dict or list in data) -> node it was built from
        self.dup_candidates: list[yaml.MappingNode] = []
        self.composed: bool = False
        self.compose_failed: bool = False
        self.dups: list[tuple[str, int, int, int, int]] | None = None


@dataclass(frozen=True)
class Document:
    path: Path
    text: str
    data: dict[str, Any]
    index: _Index = field(default_factory=_Index, compare=False, repr=False)


class _TrackingLoader(_Loader):  # type: ignore[misc, valid-type]
    """The C safe loader, remembering the node behind every container and mappings that had duplicate keys."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.sf_index = _Index()


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
    text = text.removeprefix("\ufeff")
    index = _Index()
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


def _parse(text: str, path: Path, index: _Index, track: bool) -> Any:
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text, object_pairs_hook=_json_object)
        except json.JSONDecodeError as exc:
            raise SpecError(
                f"invalid JSON: {exc.msg}", file=str(path), line=exc.lineno, column=exc.colno
            ) from None
        except RecursionError:
            raise SpecError("the document is nested too deeply", file=str(path)) from None
        except _JsonDuplicate:
            # rare: parse again keeping the last value (JSON semantics); positions come from the lazy compose
            index.dups = []
            try:
                return json.loads(text)
            except RecursionError:  # pragma: no cover - the first parse would have failed the same way
                raise SpecError("the document is nested too deeply", file=str(path)) from None
    try:
        data = _load_yaml(text, index, track)
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
    if _ANCHOR_RE.search(text):
        _check_expansion(data, path)
    return data


def _load_yaml(text: str, index: _Index, track: bool) -> Any:
    if not track:
        try:
            return yaml_events.load(text, _Loader)
        except yaml_events.Unsupported:
            pass  # a YAML feature specs rarely use: pyyaml's constructor handles it (and its errors) below
    loader = _TrackingLoader(text) if track else _Loader(text)
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    if track:
        index.nodes = loader.sf_index.nodes
        index.dup_candidates = loader.sf_index.dup_candidates
    return data


class _JsonDuplicate(Exception):
    pass


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _JsonDuplicate
    return result


def _check_expansion(data: Any, path: Path) -> None:
    """Reject documents whose aliases expand past MAX_EXPANDED_NODES values, or that contain themselves."""
    sizes: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[tuple[Any, bool]] = [(data, False)]
    while stack:
        obj, done = stack.pop()
        key = id(obj)
        if done:
            on_stack.discard(key)
            children = obj.values() if isinstance(obj, dict) else obj
            total = 1
            for child in children:
                if isinstance(child, (dict, list)):
                    total += sizes[id(child)]
                else:
                    total += 1
            if total > MAX_EXPANDED_NODES:
                raise SpecError(
                    f"YAML aliases expand to more than {MAX_EXPANDED_NODES:,} values (an alias bomb?)",
                    file=str(path),
                    hint="replace the anchors/aliases with `$ref`s",
                )
            sizes[key] = total
            continue
        if key in sizes:
            continue
        if key in on_stack:
            raise SpecError(
                "a YAML alias refers to a node that contains it (a recursive structure)",
                file=str(path),
                hint="replace the recursive anchor/alias with a `$ref`",
            )
        on_stack.add(key)
        stack.append((obj, True))
        children = obj.values() if isinstance(obj, dict) else obj
        for child in children:
            if isinstance(child, (dict, list)):
                cid = id(child)
                if cid in on_stack:
                    raise SpecError(
                        "a YAML alias refers to a node that contains it (a recursive structure)",
                        file=str(path),
                        hint="replace the recursive anchor/alias with a `$ref`",
                    )
                if cid not in sizes:
                    stack.append((child, False))


# --- positions ----------------------------------------------------------------------------------------------------


def split_pointer(pointer: str) -> list[str]:
    if not pointer:
        return []
    return [part.replace("~1", "/").replace("~0", "~") for part in pointer.lstrip("/").split("/")]


def escape_token(token: Any) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def join_pointer(*tokens: Any) -> str:
    return "".join("/" + escape_token(t) for t in tokens)


def _scalar_key(node: yaml.Node) -> str | None:
    if isinstance(node, yaml.ScalarNode):
        return str(node.value)
    return None


def _compose(doc: Document) -> yaml.Node | None:
    """Compose the text once (JSON files, or when the loader's nodes are missing) and index its containers by pointer."""
    index = doc.index
    if index.composed or index.compose_failed:
        return None
    try:
        root = yaml.compose(doc.text, Loader=_Loader)
    except (yaml.YAMLError, RecursionError, ValueError, TypeError):
        index.compose_failed = True
        return None
    index.composed = True
    # map the composed nodes onto the data's containers by walking both in step
    stack: list[tuple[Any, yaml.Node]] = [(doc.data, root)]
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
    return root


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
    for token in split_pointer(pointer):
        node = index.nodes.get(id(obj))
        if isinstance(obj, dict):
            key: Any = token
            if key not in obj:
                key = _other_key(token, obj)
                if key is None:
                    return best
            if node is not None:
                best = _key_position(node, token, best)
            obj = obj[key]
        elif isinstance(obj, list):
            try:
                i = int(token)
                child = obj[i]
            except (ValueError, IndexError):
                return best
            if node is not None and isinstance(node, yaml.SequenceNode) and i < len(node.value):
                mark = node.value[i].start_mark
                best = (mark.line + 1, mark.column + 1)
            obj = child
        else:
            return best
    if not pointer:
        node = index.nodes.get(id(obj))
        if node is not None:
            return (node.start_mark.line + 1, node.start_mark.column + 1)
    return best


def _other_key(token: str, obj: dict[Any, Any]) -> Any:
    """A non-string key written as ``token`` (YAML reads `200:` as an int), or None."""
    for key in obj:
        if not isinstance(key, str) and str(key) == token:
            return key
    return None


def _key_position(node: yaml.Node, token: str, fallback: tuple[int, int]) -> tuple[int, int]:
    if not isinstance(node, yaml.MappingNode):
        return fallback
    found = None
    for knode, _ in node.value:  # the last one wins, as in the data
        if isinstance(knode, yaml.ScalarNode) and str(knode.value) == token:
            found = knode
    if found is None:
        for knode, _ in node.value:  # non-string keys: 200 vs "200"
            if _scalar_key(knode) == token:
                found = knode
    if found is None:
        return fallback
    return (found.start_mark.line + 1, found.start_mark.column + 1)


def duplicate_keys(doc: Document) -> list[tuple[str, int, int, int, int]]:
    """Duplicate mapping keys: (pointer of the duplicated member, line, column, first line, first column)."""
    index = doc.index
    if index.dups is not None and not index.dups and not index.composed and doc.path.suffix.lower() == ".json":
        _compose(doc)  # JSON: the parse only knew there was a duplicate somewhere
        index.dups = None
    if index.dups is not None:
        return index.dups
    result: list[tuple[str, int, int, int, int]] = []
    if index.dup_candidates:
        pointers = _pointers_of_nodes(doc, {id(n) for n in index.dup_candidates})
        for node in index.dup_candidates:
            lo, hi = node.start_mark.index, node.end_mark.index
            first: dict[str, yaml.Node] = {}
            for knode, _ in node.value:
                if not (lo <= knode.start_mark.index <= hi):
                    continue  # a key merged in with `<<`, which own keys may override
                key = _scalar_key(knode)
                if key is None:
                    continue
                if key in first:
                    base = pointers.get(id(node), "")
                    one = first[key].start_mark
                    two = knode.start_mark
                    result.append((base + "/" + escape_token(key), two.line + 1, two.column + 1, one.line + 1, one.column + 1))
                else:
                    first[key] = knode
    result.sort(key=lambda item: (item[1], item[2]))
    index.dups = result
    return result


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
                    stack.append((v, ptr + "/" + escape_token(k)))
        else:
            for i, v in enumerate(obj):
                if isinstance(v, (dict, list)):
                    stack.append((v, f"{ptr}/{i}"))
    return found
