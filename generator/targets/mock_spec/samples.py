"""Responses too large for Prism to sample: Prism 5 builds a response from its schema within a budget of 2,500 steps
(openapi-sampler's ``ticks``) and answers 500 "the schema is too complex to generate" past it, so no call of the
operation can pass. The copy gives such a response the example the SDK's in-process tests use (the model's
``Response.example``); Prism answers it and the SDK parses it. Sizes are counted as the sampler walks: every schema
node, with local ``$ref``s expanded (once along a path, as a cycle stops there), from a budget set below Prism's.
An example longer than ``LARGEST`` gives way to the smallest the schema allows (``Response.least``: required
properties only); none is written past ``TOTAL`` together (a spec whose copy grew to 14 MB so kept Prism from
starting)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import partial
from typing import Any

from generator import pointer
from generator.model import Operation
from generator.targets.mock_spec.edits import Edits, KeyPath, key_path

BUDGET = 1_500  # below Prism's 2,500: the sampler's steps are not exactly our count
LARGEST = 200_000  # characters of one example written into the copy (argo-workflows: 83,352)
TOTAL = 5_000_000  # characters of all of them: past it, Prism reads the copy for minutes


def examples_where_too_large(data: Any, operations: Iterable[Operation]) -> Edits:
    edits: Edits = {}
    sizes: dict[str, int] = {}
    written = 0
    for op in operations:
        where = _media_path(data, op)
        # the SDK's example, or the smallest one when that is too long (docusign's recipients: 660,003 characters)
        example = next((e for e in (op.response.example, op.response.least) if e and len(e) <= LARGEST), "")
        if where is None or not example or len(example) > TOTAL - written:
            continue
        media = _at(data, where)
        unsampled = isinstance(media, dict) and "example" not in media and "examples" not in media
        if unsampled and _size(data, media.get("schema"), sizes, ()) > BUDGET:
            edits[where] = partial(_with_example, json.loads(example))
            written += len(example)
    return edits


def _with_example(example: Any, media: dict[str, Any]) -> dict[str, Any]:
    return {**media, "example": example}


def _media_path(data: Any, op: Operation) -> KeyPath | None:
    """The keys to the operation's success media type, through a response that is a local ``$ref``."""
    if op.response.kind != "json" or op.response.content_type is None:
        return None
    at = f"{op.pointer}/responses/{pointer.escape(op.response.status)}"
    response = pointer.walk(data, at)
    if isinstance(response, dict) and isinstance(response.get("$ref"), str) and response["$ref"].startswith("#/"):
        at = pointer.from_fragment(response["$ref"][1:])
    return key_path(data, f"{at}/content/{pointer.escape(op.response.content_type)}")


def _at(data: Any, keys: KeyPath) -> Any:
    for key in keys:
        data = data[key]
    return data


def _size(data: Any, node: Any, sizes: dict[str, int], expanding: tuple[str, ...]) -> int:
    """The nodes the sampler visits under ``node``, counted up to just past ``BUDGET``."""
    if isinstance(node, list):
        return _sum(_size(data, item, sizes, expanding) for item in node)
    if not isinstance(node, dict):
        return 0
    ref = node.get("$ref")
    if isinstance(ref, str):
        if not ref.startswith("#/") or ref in expanding:
            return 1
        if ref not in sizes:
            sizes[ref] = _size(data, pointer.walk(data, ref), sizes, expanding + (ref,))
        return 1 + sizes[ref]
    return 1 + _sum(_size(data, value, sizes, expanding) for key, value in node.items()
                    if key not in ("example", "examples", "description"))


def _sum(counts: Iterable[int]) -> int:
    total = 0
    for count in counts:
        total += count
        if total > BUDGET:
            break
    return total
