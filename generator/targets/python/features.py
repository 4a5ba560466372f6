"""Configured features: cursor pagination of a list method, polling helpers of a resource."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from generator import model
from generator.config import PaginationConfig, PollingConfig
from generator.errors import SpecError
from generator.targets.python import naming
from generator.targets.python.annotations import annotation
from generator.targets.python.expressions import Named
from generator.targets.python.shapes import PyOperation, PyPagination, PyPolling, PyResponse


def pagination(models: Any, target: Any, source: str, key: str, response: model.Response, py_response: PyResponse, ptr: str) -> PyPagination | None:
    declared: PaginationConfig | None = target.pagination.get(key)
    if declared is None:
        return None
    item = _items_type(models.api, response, declared.items)
    if item is None:
        raise SpecError(
            f"pagination for {key}: the response has no array property {declared.items!r}",
            file=source,
            pointer=ptr,
            hint="fix [tool.sdkforge] pagination.items",
        )
    py_item = models.py(item)
    return PyPagination(
        page_class="CursorPage",
        items_field=declared.items,
        item_annotation=annotation(py_item),
        item_type=py_item,
        cursor_param=declared.cursor_param,
        cursor_source=declared.cursor_source,
        has_more_field=declared.has_more,
    )


def _items_type(api: model.Api, response: model.Response, items_field: str) -> model.TypeExpr | None:
    if not isinstance(response.type, model.Ref):
        return None
    for prop in api.schemas[response.type.id].properties:
        inner = prop.type.inner if isinstance(prop.type, model.Nullable) else prop.type
        if prop.wire_name == items_field and isinstance(inner, model.ListOf):
            return inner.item
    return None


def with_polling(target: Any, source: str, resource: str, ops: list[PyOperation]) -> list[PyOperation]:
    declared: PollingConfig | None = target.polling.get(resource)
    if declared is None:
        return ops
    by_method = {op.method: op for op in ops}
    retrieve = by_method.get(declared.retrieve)
    if retrieve is None:
        raise SpecError(f"polling for {resource!r}: no method {declared.retrieve!r}", file=source, hint="fix [tool.sdkforge] polling")
    path_params = [p for p in retrieve.params if p.location == "path"]
    if len(path_params) != 1 or not isinstance(retrieve.response.type, Named):
        raise SpecError(
            f"polling for {resource!r}: {declared.retrieve!r} must take one path parameter and return an object",
            file=source,
            hint="fix [tool.sdkforge] polling",
        )
    polling = PyPolling(
        method="poll",
        create_and_poll=f"{declared.create}_and_poll" if declared.create in by_method else "",
        retrieve_method=declared.retrieve,
        id_param=path_params[0].py_name,
        id_field=naming.field_name(declared.id_field),
        return_annotation=retrieve.return_annotation,
        status_field=naming.field_name(declared.status_field),
        pending_values=declared.pending,
        interval_header=declared.interval_header,
        default_interval_ms=declared.default_interval_ms,
    )
    out = []
    for op in ops:
        if op.method == declared.retrieve:
            op = replace(op, poll=polling)
        elif op.method == declared.create:
            op = replace(op, create_and_poll=polling)
        out.append(op)
    return out
