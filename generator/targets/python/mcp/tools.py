"""The MCP tools of a Python SDK: one per operation, named ``<resource>_<method>``, its arguments by wire name.

Each tool is planned as plain JSON data (tools.json in the SDK): what an agent sees (name, description, input and
output schema) and what the server needs to call the SDK (resource, method, each argument's Python name and kind,
how the result comes back). The server reads it at start-up; no per-tool code is generated.
"""

from __future__ import annotations

import base64
import re
from typing import Any

from generator import model
from generator.targets.naming import unique
from generator.targets.python.mcp.schemas import Schemas
from generator.targets.python.shapes import PyApi, PyOperation, PyParam

MAX_NAME = 64  # tool names longer than this are cut (clients show and match names of up to 64 characters)
_NAME = re.compile(r"[^A-Za-z0-9_-]+")


def plan_tools(api: model.Api, py: PyApi) -> list[dict[str, Any]]:
    """Every operation of the Python plan as a tool, in the order of the SDK's resources and methods."""
    by_route = {(op.http_method, op.path, op.operation_id): op for op in api.operations}
    taken: set[str] = set()
    tools = []
    for resource in py.resources:
        for op in resource.operations:
            source = by_route[(op.http_method, op.path, op.operation_id)]
            name = unique(_NAME.sub("_", f"{resource.name}_{op.method}")[:MAX_NAME], taken)
            tools.append(_tool(api, resource.name, op, source, name))
    return tools


def _tool(api: model.Api, resource: str, op: PyOperation, source: model.Operation, name: str) -> dict[str, Any]:
    schemas = Schemas(api)
    arguments, properties, required, example = [], {}, [], {}
    wire = {(p.location, p.wire_name): p for p in _model_params(source)}
    for param in _params(op):
        neutral = wire[(param.location, param.wire_name)]
        key = param.wire_name if param.wire_name not in properties else param.py_name
        properties[key] = _described(schemas.of(neutral.type), param)
        kind = _kind(neutral.type)
        arguments.append([key, param.py_name, kind])
        value = neutral.example
        if param.required or (op.body is not None and param.wire_name in op.body.example_required):
            if param.required:
                required.append(key)
            example[key] = _json_example(value, kind)
    # an argument the operation does not take is refused (a misspelt optional one would otherwise be dropped)
    input_schema: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        input_schema["required"] = required
    if schemas.defs:
        input_schema["$defs"] = schemas.defs
    tool: dict[str, Any] = {
        "name": name,
        "description": _description(source),
        "resource": resource,
        "method": op.method,
        "operation_id": source.operation_id,
        "http_method": op.http_method.upper(),
        "path": op.path,
        "tags": [source.group],
        "read_only": op.http_method == "get",
        "arguments": arguments,
        "result": _result_kind(op),
        "input_schema": input_schema,
        "example": example,
    }
    output = _output_schema(api, op, source)
    if output is not None:
        tool["output_schema"] = output
    return tool


def _params(op: PyOperation) -> list[PyParam]:
    """What a tool takes: the method's parameters (body fields included), without the ``stream`` switch (a tool
    answers once: the server never asks for a stream)."""
    stream = op.stream.param if op.stream is not None else None
    return [p for p in op.params if p.py_name != stream]


def _model_params(op: model.Operation) -> list[model.Param]:
    return list(op.params) + (list(op.body.params) if op.body is not None else [])


def _described(schema: dict[str, Any], param: PyParam) -> dict[str, Any]:
    description = _plain(param.doc)
    if not description or "$ref" in schema:
        return schema
    return {**schema, "description": description}


def _plain(doc: str) -> str:
    """A docstring-safe text back to plain text (the plan escapes backslashes for docstrings)."""
    return doc.replace("\\\\", "\\").strip()


def _kind(t: model.TypeExpr) -> str:
    """How the server turns an argument into what the SDK takes: a file from base64, a list of them, or as it is."""
    inner = t.inner if isinstance(t, model.Nullable) else t
    if isinstance(inner, model.File):
        return "file"
    if isinstance(inner, model.ListOf) and isinstance(inner.item, model.File):
        return "files"
    if isinstance(inner, model.Scalar) and inner.kind == "bytes":
        return "bytes"
    return "value"


def _json_example(value: Any, kind: str) -> Any:
    """A JSON example argument: uploads (filename, bytes, type) and raw bodies as base64 text."""
    if kind == "file" and isinstance(value, tuple):
        return base64.b64encode(value[1]).decode()
    if kind == "files" and isinstance(value, list):
        return [_json_example(v, "file") for v in value]
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    return value


def _description(op: model.Operation) -> str:
    parts = [op.summary.strip(), op.description.strip()]
    text = "\n\n".join(p for p in dict.fromkeys(parts) if p)
    return text or f"{op.http_method.upper()} {op.path}"


def _result_kind(op: PyOperation) -> dict[str, Any]:
    if op.pagination is not None:
        return {"kind": "page", "items": op.pagination.items_field, "cursor_param": op.pagination.cursor_param,
                "cursor_source": op.pagination.cursor_source}
    return {"kind": op.response.kind}


def _output_schema(api: model.Api, op: PyOperation, source: model.Operation) -> dict[str, Any] | None:
    """The schema of what a tool returns as structured content: an object response, or a page of items."""
    schemas = Schemas(api)
    returned = source.response.type
    named = api.schemas[returned.id] if isinstance(returned, model.Ref) else None
    if named is None or named.kind == "alias" or source.response.kind != "json":
        return None
    if op.pagination is not None:
        items = next((p.type for p in named.properties if p.wire_name == op.pagination.items_field), None)
        result: dict[str, Any] = {"type": "object", "properties": {
            "data": schemas.of(items) if items is not None else {"type": "array"},
            "next_cursor": {"anyOf": [{"type": "string"}, {"type": "null"}]}}}
    else:
        result = schemas.object(named, 0)
    if schemas.defs:
        result["$defs"] = schemas.defs
    return _lenient(result)


def _lenient(schema: Any) -> Any:
    """An output schema that describes without refusing (MCP clients validate structured content against it): no
    ``required`` (what a server leaves out is absent), enum values as ``examples`` (a server may add one), and null
    beside every type (servers send null where their spec says otherwise, and the SDK reads it)."""
    if isinstance(schema, list):
        return [_lenient(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    result: dict[str, Any] = {}
    for key, value in schema.items():
        if key in ("properties", "$defs"):  # maps of names to schemas: a property may be called "required"
            result[key] = {name: _lenient(sub) for name, sub in value.items()}
        elif key == "enum":
            result["examples"] = value
        elif key == "type":
            types = value if isinstance(value, list) else [value]
            result["type"] = types if "null" in types else [*types, "null"]
        elif key != "required":
            result[key] = _lenient(value)
    return result
