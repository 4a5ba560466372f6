"""Strongly connected components of a directed graph (mutually importing modules)."""

from __future__ import annotations


def strongly_connected(graph: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    """Tarjan's algorithm, iterative (the graph of a large spec is deep); maps each node to its component."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    result: dict[str, frozenset[str]] = {}
    edges_of = {node: [e for e in edges if e in graph] for node, edges in graph.items()}  # once, not per visit
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            edges = edges_of[node]
            if i < len(edges):
                work.append((node, i + 1))
                nxt = edges[i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                members = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    members.append(w)
                    if w == node:
                        break
                group = frozenset(members)
                for w in members:
                    result[w] = group
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return result
