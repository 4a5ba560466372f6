"""One tool call: arguments checked against the tool's schema, turned into the SDK method's, the method awaited,
and its result (JSON, text, file, server-sent events, a page, or an API error) turned into an MCP result."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from typing import Any

import jsonschema  # type: ignore[import-untyped,unused-ignore]  # typed by types-jsonschema when installed
import mcp_types as types
from pydantic import BaseModel

from .._exceptions import APIError, APIStatusError
from ._catalog import Tool
from ._identity import AsyncClient


class InvalidArguments(Exception):
    """Arguments that do not match the tool's input schema: refused before any request is sent."""


_VALIDATORS: dict[str, Any] = {}  # tool name -> its input schema's validator, built on the tool's first call


def check(tool: Tool, arguments: Mapping[str, Any]) -> None:
    """Raise InvalidArguments naming where the arguments break the schema and how."""
    validator = _VALIDATORS.get(tool["name"])
    if validator is None:
        validator = _VALIDATORS[tool["name"]] = jsonschema.Draft202012Validator(tool["input_schema"])
    error = jsonschema.exceptions.best_match(validator.iter_errors(dict(arguments)))
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "(the arguments)"
        raise InvalidArguments(f"invalid arguments for {tool['name']}: {where}: {error.message}")


def sdk_arguments(tool: Tool, arguments: Mapping[str, Any]) -> dict[str, Any]:
    """The method's keyword arguments: by Python name, uploads decoded from base64."""
    result = {}
    for key, py_name, kind in tool["arguments"]:
        if key in arguments:
            result[py_name] = _decoded(key, arguments[key], kind)
    return result


def _decoded(key: str, value: Any, kind: str) -> Any:
    try:
        if kind == "file" and isinstance(value, str):
            return (key, base64.b64decode(value, validate=True))
        if kind == "files" and isinstance(value, list):
            return [(f"{key}{i}", base64.b64decode(v, validate=True)) for i, v in enumerate(value)]
        if kind == "bytes" and isinstance(value, str):
            return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise InvalidArguments(f"invalid arguments: {key}: not base64 ({exc})") from None
    return value


async def invoke(client: AsyncClient, tool: Tool, arguments: Mapping[str, Any]) -> types.CallToolResult:
    """Call the tool's SDK method (the arguments already checked); an API error is a result with ``isError``."""
    try:
        method = getattr(getattr(client, tool["resource"]), tool["method"])
        outcome = await method(**sdk_arguments(tool, arguments))
        return await _result(tool, outcome)
    except InvalidArguments as exc:
        return error_result(str(exc))
    except APIStatusError as exc:
        return error_result(_status_error(exc, client))
    except APIError as exc:
        return error_result(f"request failed: {client._redact(exc.message)}")


def error_result(text: str) -> types.CallToolResult:
    return types.CallToolResult(content=[types.TextContent(type="text", text=text)], is_error=True)


def _status_error(exc: APIStatusError, client: AsyncClient) -> str:
    parts = [f"HTTP {exc.status_code}"]
    parts += [f"{name} {value}" for name, value in (("code", exc.code), ("type", exc.type)) if value]
    return f"{', '.join(parts)}: {client._redact(exc.message)}"


async def _result(tool: Tool, outcome: Any) -> types.CallToolResult:
    kind = tool["result"]["kind"]
    if kind == "page":
        return structured(_page(tool, outcome))
    if kind == "binary":
        return await _file(tool, outcome)
    if kind == "sse":
        return structured({"events": [jsonable(event) async for event in outcome]})
    if outcome is None:
        return types.CallToolResult(content=[types.TextContent(type="text", text="done (no content)")])
    if isinstance(outcome, str):
        return types.CallToolResult(content=[types.TextContent(type="text", text=outcome)])
    value = jsonable(outcome)
    return structured(value) if "output_schema" in tool else _text(value)


def _page(tool: Tool, page: Any) -> dict[str, Any]:
    """A page's items and the cursor that fetches the next one (pass it as the cursor argument), or None."""
    items = [jsonable(item) for item in getattr(page, tool["result"]["items"])]
    cursor = page._next_cursor() if page.has_next_page() else None
    return {"data": items, "next_cursor": cursor}


async def _file(tool: Tool, response: Any) -> types.CallToolResult:
    content = await response.read()
    mime = response.headers.get("content-type", "application/octet-stream").split(";")[0].strip()
    resource = types.BlobResourceContents(
        uri=f"api://{tool['name']}", mime_type=mime, blob=base64.b64encode(content).decode()
    )
    return types.CallToolResult(content=[types.EmbeddedResource(type="resource", resource=resource)])


def structured(value: Any) -> types.CallToolResult:
    text = json.dumps(value, ensure_ascii=False)
    return types.CallToolResult(content=[types.TextContent(type="text", text=text)], structured_content=value)


def _text(value: Any) -> types.CallToolResult:
    return types.CallToolResult(content=[types.TextContent(type="text", text=json.dumps(value, ensure_ascii=False))])


def jsonable(value: Any) -> Any:
    """A parsed response as JSON data, by wire names."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)  # dates and times: their ISO text
