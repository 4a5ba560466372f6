"""Resources: the operations of one client attribute, with the import lines its module and its tests need."""

from __future__ import annotations

from typing import Any

from generator.targets.python import naming
from generator.targets.python.annotations import named_refs, typing_names, uses_primitive
from generator.targets.python.expressions import TypeExpr
from generator.targets.python.features import with_polling
from generator.targets.python.imports import organize
from generator.targets.python.shapes import PyModel, PyOperation, PyResource


def resources(ops: list[PyOperation], target: Any, source: str, class_names: set[str], client: str,
              models: dict[str, PyModel]) -> tuple[PyResource, ...]:
    by_name: dict[str, list[PyOperation]] = {}
    for op in ops:
        by_name.setdefault(op.resource, []).append(op)
    taken = set(class_names)
    out = []
    for name in sorted(by_name):
        grouped = tuple(with_polling(target, source, name, by_name[name]))
        cls = naming.unique(naming.class_name(name), taken, fold_case=True)
        out.append(PyResource(
            name=name, module=name, class_name=cls, async_class_name="Async" + cls, operations=grouped,
            imports=_resource_imports(grouped, target), test_imports=_test_imports(grouped, target, client, models),
        ))
    return tuple(out)


def _resource_imports(ops: tuple[PyOperation, ...], target: Any) -> tuple[str, ...]:
    types: list[TypeExpr] = []
    texts: list[str] = []
    for op in ops:
        types += [p.type for p in op.params]
        if op.body:
            types += [p.type for p in op.body.params]
        if op.pagination is not None:
            types.append(op.pagination.item_type)
        elif op.response.type is not None:
            types.append(op.response.type)
        if op.stream is not None:
            types.append(op.stream.event_type)
            texts += [op.async_return_annotation, "Literal[", "Union["]
        texts += [p.annotation for p in op.params] + [op.return_annotation, op.cast_to]
        texts += [p.annotation for p in op.body.params] if op.body else []
    typing_used = {name for text in texts for name in typing_names(text)}
    if any(op.needs_return_cast for op in ops):
        typing_used |= {"Any", "cast"}
    if any(op.stream for op in ops):
        typing_used |= {"Literal", "Union", "overload"}
        sync, async_ = target.mode in ("both", "sync"), target.mode in ("both", "async")
        streams = (["Stream"] if sync else []) + (["AsyncStream"] if async_ else [])
        texts.append("from .._streaming import " + ", ".join(streams))
    lines = []
    if typing_used:
        lines.append(f"from typing import {', '.join(sorted(typing_used))}")
    lines.append("from functools import cached_property")
    if any(op.deprecated for op in ops):
        lines.append("from .._deprecation import deprecated")
    if uses_primitive(types, "datetime"):
        lines.append("from datetime import datetime")
    if uses_primitive(types, "date"):
        lines.append("from datetime import date")
    lines.append("import httpx")
    if any("FieldInfo(discriminator=" in text for text in texts):
        lines.append("from pydantic import Field as FieldInfo")
    if any("one_of(" in text for text in texts):
        lines.append("from .._models import one_of")
    lines += _runtime_imports(ops, texts, target)
    lines += [t for t in texts if t.startswith("from .._streaming import ")]
    lines += [f"from ..types.{ref.module} import {ref.name}" for ref in named_refs(types)]
    return organize(lines, target.package)


def _test_imports(ops: tuple[PyOperation, ...], target: Any, client: str, models: dict[str, PyModel]) -> tuple[str, ...]:
    pages = []
    if any(op.pagination for op in ops):
        pages = (["SyncCursorPage"] if target.mode != "async" else []) + (["AsyncCursorPage"] if target.mode != "sync" else [])
    classes = {op.response.model_class for op in ops if op.response.model_class and not op.pagination}
    classes |= {op.pagination.item_annotation for op in ops if op.pagination}
    lines = ["import json", "from pathlib import Path", "from typing import Any", "import httpx", "import pytest"]
    clients = ([client] if target.mode != "async" else []) + (["Async" + client] if target.mode != "sync" else [])
    lines.append(f"from {target.package} import {', '.join(clients)}")
    lines += [f"from {target.package}._pagination import {', '.join(pages)}"] if pages else []
    lines += [f"from {target.package}.types.{models[c].module} import {c}" for c in sorted(classes) if c in models]
    return organize(lines, target.package)


def _runtime_imports(ops: tuple[PyOperation, ...], texts: list[str], target: Any) -> list[str]:
    sync, async_ = target.mode in ("both", "sync"), target.mode in ("both", "async")
    binary = any(op.response.kind == "binary" for op in ops)
    resources = (["SyncAPIResource"] if sync else []) + (["AsyncAPIResource"] if async_ else [])
    response = []
    if sync:
        response += ["to_raw_response_wrapper", "to_streamed_response_wrapper"] + (["BinaryAPIResponse"] if binary else [])
    if async_:
        response += ["async_to_raw_response_wrapper", "async_to_streamed_response_wrapper"]
        response += ["AsyncBinaryAPIResponse"] if binary else []
    types_names = ["NOT_GIVEN", "Body", "Headers", "NotGiven", "Query"]
    if any("FileTypes" in t for t in texts):
        types_names.append("FileTypes")
    lines = [
        "from .._base_client import make_request_options",
        f"from .._resource import {', '.join(resources)}",
        f"from .._response import {', '.join(sorted(response))}",
        f"from .._types import {', '.join(sorted(types_names))}",
        "from .._utils import path_template",
    ]
    if any(op.pagination for op in ops):
        pages = ["PagingSpec"] + (["SyncCursorPage"] if sync else []) + (["AsyncCursorPage", "AsyncPaginator"] if async_ else [])
        lines.append(f"from .._pagination import {', '.join(sorted(pages))}")
    return lines
