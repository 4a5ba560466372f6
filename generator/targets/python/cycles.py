"""Type modules that import each other: cycles broken by late imports, chains too long to import refused."""

from __future__ import annotations

from dataclasses import replace

from generator.errors import SpecError
from generator.parse.graph import strongly_connected
from generator.pointer import escape
from generator.targets.python.annotations import annotation, named_refs
from generator.targets.python.imports import organize
from generator.targets.python.shapes import PyField, PyModel

_SCHEMA_POINTER = "/components/schemas/"


def break_import_cycles(models: tuple[PyModel, ...]) -> tuple[PyModel, ...]:
    """Mutually recursive models live in modules that import each other. A class module in such a cycle imports the
    other members after its class is defined, so whichever module is imported first finds the names it needs; pydantic
    completes the models on first use, when every name is bound."""
    graph: dict[str, list[str]] = {}
    for m in models:
        graph[m.module] = [line.split()[1][1:] for line in m.imports if line.startswith("from .") and not line.startswith("from ..")]
    component = strongly_connected(graph)
    class_of = {m.module: m.py_name for m in models}
    out = []
    for m in models:
        group = component[m.module]
        self_referring = m.kind == "alias" and m.type_alias is not None and m.py_name in {n.name for n in named_refs([m.type_alias])}
        if len(group) > 1 or self_referring:
            late = tuple(line for line in m.imports if line.startswith("from .") and line.split()[1][1:] in group)
            kept = [line for line in m.imports if line and line not in late]
            if m.functional:  # ``TypedDict("X", {...})`` evaluates its annotations: cycle members are forward refs
                quoted = frozenset(class_of[module] for module in group) | {m.py_name}
                fields = tuple(replace(f, annotation=_quoted_field(f, quoted)) for f in m.fields)
                m = replace(m, fields=fields)
            if m.kind == "alias" and m.type_alias is not None:
                # evaluated at import time: members of the cycle are forward references, resolved by pydantic in
                # this module once the late imports ran (plain aliases would resolve them in the user's module)
                quoted = frozenset(class_of[module] for module in group) | {m.py_name}
                kept += ["from typing import TYPE_CHECKING", "from typing_extensions import TypeAliasType"]
                m = replace(m, alias_of=annotation(m.type_alias, quoted), recursive=True)
            m = replace(m, imports=organize(kept), late_imports=late)
        out.append(m)
    return tuple(out)


def _quoted_field(f: PyField, quoted: frozenset[str]) -> str:
    text = annotation(f.type, quoted)
    return f"Required[{text}]" if f.annotation.startswith("Required[") else text


# Importing a type module imports the modules it names first; Python spends several frames per nested import, so a
# chain much longer than this ends in RecursionError when the generated package is imported.
MAX_IMPORT_CHAIN = 100


def check_import_chain(models: tuple[PyModel, ...], source: str) -> None:
    """Refuse a package whose type modules import each other in a chain too long for Python to import.

    The bound is the longest path through the groups of mutually importing modules, each group counted by its size.
    """
    graph: dict[str, list[str]] = {}
    wire: dict[str, str] = {}
    for m in models:
        lines = m.imports + m.late_imports
        graph[m.module] = [line.split()[1][1:] for line in lines if line.startswith("from .") and not line.startswith("from ..")]
        wire[m.module] = m.wire_name
    component = strongly_connected(graph)
    edges: dict[frozenset[str], set[frozenset[str]]] = {}
    for node, targets in graph.items():
        out = edges.setdefault(component[node], set())
        out.update(component[t] for t in targets if t in component and component[t] != component[node])
    depth: dict[frozenset[str], int] = {}
    for group in edges:  # iterative post-order: a group's depth is its size plus its deepest successor's
        work = [(group, False)]
        while work:
            g, expanded = work.pop()
            if g in depth:
                continue
            if expanded:
                depth[g] = len(g) + max((depth[n] for n in edges[g]), default=0)
                continue
            work.append((g, True))
            work.extend((n, False) for n in edges[g] if n not in depth)
    if not depth or max(depth.values()) <= MAX_IMPORT_CHAIN:
        return
    deepest = max(depth, key=lambda g: depth[g])
    name = wire.get(min(deepest), "") or min(deepest)
    raise SpecError(
        f"schemas refer to each other in a chain of {depth[deepest]} models, more than {MAX_IMPORT_CHAIN}; the "
        "generated package could not be imported",
        file=source,
        pointer=_SCHEMA_POINTER + escape(name) if name else "",
        hint="shorten the chain of nested objects or $refs",
    )
