"""Operations: operationId (present, unique, URL-safe), tags (present, declared), description, responses (a success,
a 4xx) and repeated parameters."""

from __future__ import annotations

import re
from typing import Any

from generator.validate.style.context import Node, Operation, Style, operations, truthy

_URL_SAFE = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]*$")
_4XX = re.compile(r"^4[0-9Xx]{2}$")


def check_operations(style: Style, root: Node) -> None:
    tags = root.value.get("tags")
    declared = [t["name"] for t in tags if isinstance(t, dict) and isinstance(t.get("name"), str)] \
        if isinstance(tags, list) else []
    seen_ids: list[Any] = []
    for op in operations(style, root):
        _check_operation_id(style, op, seen_ids)
        _check_tags(style, op, declared)
        value = op.node.value
        if not truthy(value.get("description")):
            style.report("SF105", "the operation has no description",
                         op.node.child("description") if "description" in value else op.node)
        responses = style.resolve(op.node.child("responses"))
        if isinstance(responses.value, dict):
            codes = [str(code) for code in responses.value]
            if not any(_success(code) for code in codes):
                style.report("SF106", "the operation has no 2xx or 3xx response", responses)
            if not any(_4XX.match(code) for code in codes):
                style.report("SF131", "the operation has no 4xx response", responses)
        _check_repeated_parameters(style, op.node.child("parameters"))


def _check_operation_id(style: Style, op: Operation, seen: list[Any]) -> None:
    value = op.node.value
    op_id = value.get("operationId")
    where = op.node.child("operationId")
    if not truthy(op_id):
        style.report("SF100", "the operation has no operationId", where if op_id is not None
                     else op.node)
    if "operationId" in value:
        if op_id in seen:
            style.report("SF101", f"operationId {op_id!r} is used by another operation too", where)
        else:
            seen.append(op_id)
    if isinstance(op_id, str) and not _URL_SAFE.match(op_id):
        style.report("SF102", f"operationId {op_id!r} has characters that are not valid in a URL", where)


def _check_tags(style: Style, op: Operation, declared: list[str]) -> None:
    tags = op.node.value.get("tags")
    if not (isinstance(tags, list) and tags):
        style.report("SF103", "the operation has no tags",
                     op.node.child("tags") if tags is not None else op.node)
    if isinstance(tags, list):
        for i, tag in enumerate(tags):
            if tag not in declared:
                style.report("SF104", f"tag {tag!r} is not declared in the top-level tags",
                             Node(op.node.doc, f"{op.node.ptr}/tags/{i}", tag))


def _success(code: str) -> bool:
    """Spectral's test: ``2XX``/``3XX``, or a number from 200 to 399 (``default`` is not a success)."""
    if code in ("2XX", "3XX"):
        return True
    try:
        number = float(code.strip() or "0")
    except ValueError:
        return False
    return 200 <= number < 400


def _check_repeated_parameters(style: Style, params: Node) -> None:
    """Two of an operation's own parameters with the same ``in`` and ``name`` (each repeat reported)."""
    params = style.resolve(params)
    if not isinstance(params.value, list) or len(params.value) < 2:
        return
    seen: set[str] = set()
    for param in style.items(params):
        if not isinstance(param.value, dict) or "$ref" in param.value:
            continue
        key = f"{_js(param.value.get('in'))}-{_js(param.value.get('name'))}"
        if key in seen:
            style.report("SF107", f"parameter {param.value.get('name')!r} in {param.value.get('in')} is listed "
                                  "twice in this operation", param)
        seen.add(key)


def _js(value: Any) -> str:
    return "undefined" if value is None else str(value)
