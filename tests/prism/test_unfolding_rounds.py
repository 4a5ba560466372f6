"""A spec far past the unfolding budget is cut in a few rounds: each round walks the whole reference graph, and a
28 MB spec (the benchmark's 10x synthetic copy) needed thousands of one-schema rounds (over 3 minutes); the first
rounds still cut one schema at a time, so a spec just past the budget loses no more than it must."""

from __future__ import annotations

from typing import Any

import pytest

from generator.targets.mock_spec import places, unfolding

SCHEMAS = 300


def _spec() -> dict[str, Any]:
    """One operation per Holder; each Holder holds its own Leaf ten times (a Leaf: 30 properties)."""
    leaf = {"type": "object", "properties": {f"p{j}": {"type": "object"} for j in range(30)}}
    schemas: dict[str, Any] = {}
    paths: dict[str, Any] = {}
    for i in range(SCHEMAS):
        schemas[f"Leaf{i}"] = leaf
        schemas[f"Holder{i}"] = {"type": "object", "properties": {
            f"f{j}": {"$ref": f"#/components/schemas/Leaf{i}"} for j in range(10)}}
        content = {"application/json": {"schema": {"$ref": f"#/components/schemas/Holder{i}"}}}
        paths[f"/h{i}"] = {"get": {"responses": {"200": {"description": "ok", "content": content}}}}
    return {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": paths,
            "components": {"schemas": schemas}}


def test_a_spec_far_past_the_budget_is_cut_in_a_few_rounds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(unfolding, "BUDGET", 20_000)  # the tree: about 300 x 10 x 31 = 93,000 nodes
    totals: list[int] = []
    sizes = unfolding._sizes

    def counted(graph: Any) -> dict[str, int]:
        found = sizes(graph)
        totals.append(found[""])
        return found

    monkeypatch.setattr(unfolding, "_sizes", counted)
    data = _spec()
    edits = unfolding.within_budget(data, places.mappings(data))
    assert totals[0] > unfolding.BUDGET >= totals[-1], totals
    assert len(totals) <= 20, len(totals)  # one at a time, this needs about 240 rounds
    cut = {where[2] for where in edits}
    assert cut < {f"Holder{i}" for i in range(SCHEMAS)} and len(cut) * 10 == len(edits)  # each a Holder's ten Leaves
