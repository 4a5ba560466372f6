"""Responses Prism would answer in a way no client can take: hop-by-hop headers, and no success response."""

from __future__ import annotations

from functools import partial
from typing import Any

from generator.parse.responses import success_status
from generator.targets.mock_spec.edits import Edits, KeyPath, without_keys
from generator.targets.mock_spec.places import operations
from generator.validate.headers import hop_by_hop_response_headers

NO_CONTENT = {"204": {"description": "sdkforge: the spec declares no success response; the SDK returns None"}}


def without_hop_by_hop(data: Any) -> Edits:
    drop: dict[KeyPath, set[str]] = {}
    for path, name in hop_by_hop_response_headers(data):
        drop.setdefault(path, set()).add(name)
    return {path: partial(without_keys, frozenset(names)) for path, names in drop.items()}


def with_success_responses(data: Any) -> Edits:
    """An edit adding ``NO_CONTENT`` to every operation under ``paths`` that declares no success response."""
    edits: Edits = {}
    for path, _, op in operations(data):
        responses = op.get("responses")
        if not isinstance(responses, dict) or not responses or success_status(responses) is None:
            edits[path] = _add_no_content
    return edits


def _add_no_content(op: dict[str, Any]) -> dict[str, Any]:
    responses = op.get("responses")
    return {**op, "responses": {**(responses if isinstance(responses, dict) else {}), **NO_CONTENT}}
