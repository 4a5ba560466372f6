"""The tools of this SDK's MCP server: read from tools.json, selected (include, exclude, read-only), listed static
(a tool per operation) or dynamic (three tools that find, describe and call the operations)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import mcp_types as types

Tool = dict[str, Any]

LIST_ENDPOINTS, GET_SCHEMA, INVOKE = "list_api_endpoints", "get_api_endpoint_schema", "invoke_api_endpoint"
DYNAMIC_TOOLS: list[Tool] = [
    {
        "name": LIST_ENDPOINTS,
        "description": "List the API's endpoints (operations), optionally only those matching a search text or a tag.",
        "input_schema": {
            "type": "object",
            "properties": {
                "search": {"type": "string", "description": "words found in the name, path or description"},
                "tag": {"type": "string", "description": "only endpoints with this tag"},
            },
        },
    },
    {
        "name": GET_SCHEMA,
        "description": "The description and input JSON Schema of one endpoint, by the name list_api_endpoints gives.",
        "input_schema": {
            "type": "object",
            "properties": {"endpoint": {"type": "string"}},
            "required": ["endpoint"],
        },
    },
    {
        "name": INVOKE,
        "description": "Call one endpoint with arguments that match its input schema (get_api_endpoint_schema).",
        "input_schema": {
            "type": "object",
            "properties": {"endpoint": {"type": "string"}, "args": {"type": "object"}},
            "required": ["endpoint"],
        },
    },
]


@lru_cache(maxsize=1)
def all_tools() -> tuple[Tool, ...]:
    """Every operation's tool, as generated (tools.json beside this module)."""
    text = (Path(__file__).parent / "tools.json").read_text(encoding="utf-8")
    return tuple(json.loads(text))


def select(
    tools: Iterable[Tool], include: Sequence[str] = (), exclude: Sequence[str] = (), read_only: bool = False
) -> dict[str, Tool]:
    """The tools kept, by name: ``include``/``exclude`` name tools, operationIds or tags; ``read_only`` keeps the GET
    operations."""
    kept = {}
    for tool in tools:
        keys = {tool["name"], tool["operation_id"], *tool["tags"]}
        if include and not keys & set(include):
            continue
        if keys & set(exclude) or (read_only and not tool["read_only"]):
            continue
        kept[tool["name"]] = tool
    return kept


def as_mcp(tool: Tool) -> types.Tool:
    """The tool as an MCP client sees it."""
    annotations = None
    if "read_only" in tool:
        annotations = types.ToolAnnotations(read_only_hint=tool["read_only"], open_world_hint=True)
    return types.Tool(
        name=tool["name"],
        description=tool["description"],
        input_schema=tool["input_schema"],
        output_schema=tool.get("output_schema"),
        annotations=annotations,
    )


def endpoint_summary(tool: Tool) -> dict[str, Any]:
    """One line of list_api_endpoints: enough for an agent to pick the endpoint."""
    first = tool["description"].split("\n", 1)[0]
    return {
        "endpoint": tool["name"],
        "method": tool["http_method"],
        "path": tool["path"],
        "tags": tool["tags"],
        "summary": first,
        "read_only": tool["read_only"],
    }


def search(tools: dict[str, Tool], text: str = "", tag: str = "") -> list[dict[str, Any]]:
    """The endpoints whose name, path or description holds every word of ``text`` and that carry ``tag``."""
    words = text.lower().split()
    found = []
    for tool in tools.values():
        haystack = " ".join((tool["name"], tool["path"], tool["description"])).lower()
        if all(word in haystack for word in words) and (not tag or tag in tool["tags"]):
            found.append(endpoint_summary(tool))
    return found
