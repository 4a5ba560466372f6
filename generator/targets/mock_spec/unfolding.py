"""References Prism would unfold past what it reads in time. Prism 5 starts by dereferencing the whole copy and then
copying it into a tree (``decycle`` of @stoplight/json, twice: for the operations and for its faker options) that
holds a referenced schema once per path reaching it and stops a cycle only where a schema repeats along one path: its
start time follows the size of that tree, not of the file (measured on a busy 2-core machine: okta, 2.9 MB, 0.2 M
nodes, 18 s; clerk-frontend, 0.6 MB, 0.38 M nodes, 16 s; argo-workflows, 1.5 M nodes, 80 s; opensearch-core's
recursive query DSL, 0.5 MB, 144 s; docusign-esign, 3.7 MB and 16 M nodes even with its two cycles cut, 201 s for one
``decycle``). Where the tree passes ``BUDGET`` nodes, the copy makes it a tree that fits:
a reference inside a schema that closes a cycle, then the references inside schemas to the component schemas that
weigh most in the tree (times reached by size), become a stand-in holding only the target's ``type``. Prism checks
that level's type and nothing under it; the in-process tests check what the SDK sends there."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from generator import pointer
from generator.targets.mock_spec.edits import Edits, KeyPath, key_path

BUDGET = 400_000  # mappings and lists in Prism's tree: about 20 s of Prism's start on a busy machine
SCHEMAS = "/components/schemas/"


@dataclass
class _Graph:
    """The copy's local references: ``refs[i]`` is (where, target pointer) and ``holders[i]`` the targets holding it
    (outermost first); ``inside[p]`` the indices of the references within the node at pointer ``p`` (the root is
    ``""``); ``own[p]`` the mappings and lists of that node."""

    refs: list[tuple[KeyPath, str]]
    holders: list[list[str]] = field(default_factory=list)
    inside: dict[str, list[int]] = field(default_factory=dict)
    own: dict[str, int] = field(default_factory=dict)
    cut: set[int] = field(default_factory=set)  # references standing in for their target


def within_budget(data: Any, mappings: list[tuple[KeyPath, dict[Any, Any]]]) -> Edits:
    """Edits making Prism's tree of the document at most ``BUDGET`` nodes; none when it already is."""
    refs = [(path, pointer.from_fragment(node["$ref"])) for path, node in mappings
            if isinstance(node.get("$ref"), str) and node["$ref"].startswith("#")]
    if not refs:
        return {}
    graph = _graph(data, refs)
    graph.cut.update(_closing_cycles(graph))
    sizes = _sizes(graph)
    # the tree with each cycle closed at once is part of Prism's (which unfolds a cycle until a schema repeats along
    # the path): past the budget already, Prism's tree need not be counted
    if sizes[""] <= BUDGET and _unfolded(graph) <= BUDGET:
        return {}
    in_schemas: dict[str, list[int]] = {}
    for i, (where, target) in enumerate(refs):
        if _in_schema(where):
            in_schemas.setdefault(target, []).append(i)
    rounds = 0
    while sizes[""] > BUDGET and (heaviest := _heaviest(graph, sizes, _batch(rounds))):
        graph.cut.update(i for target in heaviest for i in in_schemas.get(target, ()))
        rounds += 1
        sizes = _sizes(graph)
    return {refs[i][0]: partial(_stand_in, refs[i][1], pointer.walk(data, refs[i][1])) for i in sorted(graph.cut)}


def _graph(data: Any, refs: list[tuple[KeyPath, str]]) -> _Graph:
    counts: dict[int, int] = {}
    graph = _Graph(refs, [[] for _ in refs], {"": list(range(len(refs)))}, {"": _count(data, counts)})
    places = {target: key_path(data, target) for _, target in refs}
    found = {where: target for target, where in places.items() if where is not None}
    for target, where in places.items():
        graph.inside.setdefault(target, [])
        graph.own[target] = counts.get(id(pointer.walk(data, target)), 0) if where is not None else 0
    for i, (where, _) in enumerate(refs):
        for depth in range(1, len(where)):
            if where[:depth] in found:
                graph.inside[found[where[:depth]]].append(i)
                graph.holders[i].append(found[where[:depth]])
    return graph


def _count(node: Any, counts: dict[int, int]) -> int:
    """The mappings and lists of ``node`` (itself included), noted in ``counts`` for each of them by its id: one walk
    gives every target's count (a shared one counted once, as often as it appears)."""
    total = 1
    for child in node.values() if isinstance(node, dict) else node:
        if isinstance(child, (dict, list)):
            total += counts[id(child)] if id(child) in counts else _count(child, counts)
    counts[id(node)] = total
    return total


def _unfolded(graph: _Graph) -> int:
    """The nodes of Prism's tree, counted up to just past ``BUDGET``: a reference stays one where its target is
    among the nodes it lies in along the path (the targets expanded, and those holding it inside the last one)."""
    total, along = graph.own[""], [""]
    stack = [("", iter(graph.inside[""]), 1)]  # (target, its references, how many entries of ``along`` it added)
    while stack and total <= BUDGET:
        holder, refs, _ = stack[-1]
        i = next(refs, None)
        if i is None:
            del along[len(along) - stack.pop()[2]:]
            continue
        held = graph.holders[i]
        between = held[held.index(holder) + 1:] if holder in held else held
        target = graph.refs[i][1]
        if target not in along and target not in between:
            total += graph.own[target] - 1  # the reference's mapping becomes its target
            along += [*between, target]
            stack.append((target, iter(graph.inside[target]), len(between) + 1))
    return total


def _closing_cycles(graph: _Graph) -> set[int]:
    """The references a depth-first walk from the root finds pointing back at a target it is inside."""
    closing: set[int] = set()
    state: dict[str, bool] = {"": False}  # False: on the walk's path; True: done
    stack = [("", iter(graph.inside[""]))]
    while stack:
        i = next(stack[-1][1], None)
        if i is None:
            state[stack.pop()[0]] = True
            continue
        target = graph.refs[i][1]
        if state.get(target) is False:
            closing.add(i)
        elif target not in state:
            state[target] = False
            stack.append((target, iter(graph.inside[target])))
    return closing


def _order(graph: _Graph) -> list[str]:
    """Targets, each after every target it holds (by the references not cut)."""
    done: list[str] = []
    seen = {""}
    stack = [("", iter(graph.inside[""]))]
    while stack:
        i = next(stack[-1][1], None)
        if i is None:
            done.append(stack.pop()[0])
        elif i not in graph.cut and (target := graph.refs[i][1]) not in seen:
            seen.add(target)
            stack.append((target, iter(graph.inside[target])))
    return done


def _sizes(graph: _Graph) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for target in _order(graph):
        held = (sizes[graph.refs[i][1]] - 1 for i in _live(graph, graph.inside[target]))  # a reference becomes its target
        sizes[target] = graph.own[target] + sum(held)
    return sizes


def _batch(rounds: int) -> int:
    """How many schemas a round cuts: one at a time (each round weighs them again), then, for a spec far past the
    budget (a 28 MB one needs thousands of cuts, each round a walk of the whole graph), twice as many each round."""
    return 1 if rounds < 8 else 2 ** (rounds - 7)


def _heaviest(graph: _Graph, sizes: dict[str, int], count: int) -> list[str]:
    """Up to ``count`` component schemas whose stand-ins (inside other schemas) would shrink the tree the most, no
    more than the tree's excess over the budget asks for (a schema's weight is what its cut alone would save)."""
    reached = dict.fromkeys(sizes, 0)
    reached[""] = 1
    weight: dict[str, int] = {}
    for target in reversed(list(sizes)):  # holders first
        for i in _live(graph, graph.inside[target]):
            where, held = graph.refs[i]
            reached[held] += reached[target]
            if held.startswith(SCHEMAS) and _in_schema(where):
                weight[held] = weight.get(held, 0) + reached[target] * (sizes[held] - 1)
    chosen, saved = [], 0
    for target, weighs in sorted((item for item in weight.items() if item[1] > 0), key=lambda item: -item[1])[:count]:
        if saved >= sizes[""] - BUDGET:
            break
        chosen.append(target)
        saved += weighs
    return chosen


def _live(graph: _Graph, indices: Iterable[int]) -> Iterable[int]:
    return (i for i in indices if i not in graph.cut)


def _in_schema(where: KeyPath) -> bool:
    """A reference inside a schema (not a media type's, parameter's or header's ``schema`` itself)."""
    return bool(where) and where[-1] != "schema" and (where[:2] == ("components", "schemas") or "schema" in where[:-1])


def _stand_in(target: str, schema: Any, _node: Any) -> dict[str, Any]:
    kept = {k: schema[k] for k in ("type", "nullable") if k in schema} if isinstance(schema, dict) else {}
    return {**kept, "description": f"sdkforge: stands in for #{target}"}
