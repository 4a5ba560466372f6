"""What each template reads of what it is rendered with, and the key of one output file's inputs.

A file is rendered from a template and a context (the plan objects it is given, and the environment's globals).
Its key is a digest of the template's name and of the repr of each context value the template, or a template it
includes or imports, names: for ``api.x`` only that attribute, for a bare ``api`` the whole plan. The plan is
frozen dataclasses all the way down, so equal reprs mean equal inputs, and a file whose key the last run recorded
is that run's text (rendered and formatted), taken without rendering or formatting it again.
"""

from __future__ import annotations

import hashlib
import types
import uuid
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta, nodes
from jinja2.defaults import DEFAULT_NAMESPACE

from generator.cache import get_record, put_record

Read = tuple[str, ...]  # ("model",) or ("api", "models")


class RecordingEnvironment(jinja2.Environment):
    """A jinja Environment that keeps each template's syntax tree as it compiles it (no second parse)."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.trees: dict[str | None, nodes.Template] = {}
        self._reads: dict[str, frozenset[Read]] = {}

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        self.trees[name] = tree
        return tree

    def reads(self, name: str) -> frozenset[Read]:
        """The context names (and ``api`` attributes) template ``name`` and the templates it uses read."""
        if name not in self._reads:
            found: set[Read] = set()
            seen: set[str] = set()
            todo = [name]
            while todo:
                current = todo.pop()
                if current in seen:
                    continue
                seen.add(current)
                self.get_template(current)
                tree = self.trees.get(current)
                if tree is None:  # compiled elsewhere (a bytecode cache): parse it here
                    tree = self.parse(self.loader.get_source(self, current)[0], current)  # type: ignore[union-attr]
                _collect(tree, found)
                for ref in meta.find_referenced_templates(tree):
                    if ref is None:
                        found.add(("*",))  # a template chosen at render time: anything may be read
                    else:
                        todo.append(ref)
            self._reads[name] = frozenset(found)
        return self._reads[name]


def _collect(node: nodes.Node, found: set[Read]) -> None:
    if isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name) and node.node.name == "api":
        found.add(("api", node.attr))
        return
    if isinstance(node, nodes.Name) and node.ctx == "load":
        found.add((node.name,))
    for child in node.iter_child_nodes():
        _collect(child, found)


class Keys:
    """File keys for one render: each context value's repr made once, however many files read it."""

    def __init__(self, env: RecordingEnvironment, base: str, folder: Path | None = None) -> None:
        self.env = env
        self.base = base.encode()
        self.folder = folder  # where the table of what each template reads is kept (render.compiled_folder)
        self._reprs: dict[tuple[int, str | None], bytes] = {}  # the plan lives as long as the render: ids stay
        self._shapes: dict[tuple[str, tuple[str, ...]], tuple[bytes, tuple[tuple[str, str | None], ...]] | None] = {}
        # jinja's own globals (range, dict, lipsum, ...) are code, not inputs: the generator's digest covers them
        self.globals = {k: v for k, v in env.globals.items() if k not in DEFAULT_NAMESPACE}
        # what each template reads, as an earlier run of the same generator found it (no compiling a template whose
        # files are all taken from the last run)
        known = get_record("reads", base, folder)
        if isinstance(known, dict):
            env._reads.update(known)
        self._known = len(env._reads)

    def save(self) -> None:
        """Record what the templates read, if this render found more than it was given."""
        if len(self.env._reads) > self._known:
            put_record("reads", self.base.decode(), dict(self.env._reads), folder=self.folder)

    def table(self) -> dict[str, frozenset[Read]]:
        """What each template rendered so far reads (a process rendering a share hands it to the one that saves)."""
        return dict(self.env._reads)

    def learn(self, table: dict[str, frozenset[Read]]) -> None:
        self.env._reads.update(table)

    def key(self, name: str, context: dict[str, Any]) -> str:
        shape = (name, tuple(context))
        if shape not in self._shapes:
            self._shapes[shape] = self._shape(name, context)
        found = self._shapes[shape]
        if found is None:  # a template that may read anything: a key no run repeats
            return uuid.uuid4().hex
        head, reads = found
        digest = hashlib.sha256(head)
        for root, attr in reads:
            value = context[root] if attr is None else getattr(context[root], attr, _MISSING)
            digest.update(f"{root}.{attr}=".encode())
            digest.update(b"\0" if value is _MISSING else self._repr(value, attr))
        return digest.hexdigest()

    def _shape(self, name: str, context: dict[str, Any]) -> tuple[bytes, tuple[tuple[str, str | None], ...]] | None:
        """What every file of template ``name`` with a context of these names shares (the template, the globals it
        reads) as a digest, and the context values it reads, as (name, attribute or None)."""
        digest = hashlib.sha256(self.base)
        digest.update(name.encode())
        reads: list[tuple[str, str | None]] = []
        for read in sorted(self.env.reads(name)):
            if read == ("*",):
                return None
            attr = read[1] if len(read) == 2 else None
            if read[0] in context:
                reads.append((read[0], attr))
                continue
            # a global, or a name no context has (a loop variable, a macro) which reads nothing of it
            value = self.globals.get(read[0], _MISSING)
            if attr is not None and value is not _MISSING:
                value = getattr(value, attr, _MISSING)
            digest.update(repr(read).encode())
            digest.update(b"\0" if value is _MISSING else self._repr(value, attr))
        return digest.digest(), tuple(reads)

    def _repr(self, value: Any, attr: str | None) -> bytes:
        if isinstance(value, (str, int, bool, type(None))):
            return repr(value).encode()
        if isinstance(value, types.FunctionType):  # a module-level helper the templates call: code, named stably
            return f"{value.__module__}.{value.__qualname__}".encode()
        cached = self._reprs.get((id(value), attr))
        if cached is None:
            if type(value) is tuple:  # api.models, api.resources: from the digests the files of their items made
                text = b"(" + b",".join(self._repr(item, None) for item in value) + b")"
            else:
                text = repr(value).encode()
            cached = self._reprs[(id(value), attr)] = hashlib.sha256(text).digest()
        return cached


_MISSING = object()
