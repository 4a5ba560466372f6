"""The server: tools listed from the catalog, calls made through one async client (from the environment unless one
is given), ``python -m <package>.mcp`` on stdio with ``--tools dynamic``, ``--include``, ``--exclude``, ``--read-only``.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from typing import Any, Literal

import anyio
import mcp_types as types
from mcp.server.context import ServerRequestContext
from mcp.server.lowlevel import Server

from .._identity import ErrorBase
from . import _catalog as catalog
from ._calls import InvalidArguments, check, error_result, invoke, structured
from ._identity import SERVER_NAME, SERVER_VERSION, TOOLS_ENV, AsyncClient

Mode = Literal["static", "dynamic"]


class Tools:
    """What one server offers and how a call reaches the SDK."""

    def __init__(self, client: AsyncClient | None, mode: Mode, selected: dict[str, catalog.Tool]) -> None:
        self._client = client
        self.mode = mode
        self.selected = selected
        self._listed: list[types.Tool] | None = None

    def client(self) -> AsyncClient:
        """The SDK client: created on the first call, from the SDK's environment variables."""
        if self._client is None:
            self._client = AsyncClient()
        return self._client

    async def run(self, tool: catalog.Tool, arguments: dict[str, Any]) -> types.CallToolResult:
        """Check the arguments, then call; a refusal or a client that cannot be built is an error result."""
        try:
            check(tool, arguments)
            client = self.client()
        except (InvalidArguments, ErrorBase) as exc:
            return error_result(str(exc))
        return await invoke(client, tool, arguments)

    def listed(self) -> list[types.Tool]:
        """The tools offered, built once (a big API's listing is the costliest answer)."""
        if self._listed is None:
            tools = catalog.DYNAMIC_TOOLS if self.mode == "dynamic" else list(self.selected.values())
            self._listed = [catalog.as_mcp(tool) for tool in tools]
        return self._listed

    async def call(self, name: str, arguments: dict[str, Any]) -> types.CallToolResult:
        if self.mode == "dynamic":
            return await self._dynamic(name, arguments)
        tool = self.selected.get(name)
        if tool is None:
            return error_result(f"unknown tool {name!r}")
        return await self.run(tool, arguments)

    async def _dynamic(self, name: str, arguments: dict[str, Any]) -> types.CallToolResult:
        if name == catalog.LIST_ENDPOINTS:
            found = catalog.search(self.selected, str(arguments.get("search", "")), str(arguments.get("tag", "")))
            return structured({"endpoints": found})
        endpoint = self.selected.get(str(arguments.get("endpoint", "")))
        if name not in (catalog.GET_SCHEMA, catalog.INVOKE):
            return error_result(f"unknown tool {name!r}")
        if endpoint is None:
            return error_result(f"unknown endpoint {arguments.get('endpoint')!r}: see {catalog.LIST_ENDPOINTS}")
        if name == catalog.GET_SCHEMA:
            keys = ("description", "http_method", "path", "input_schema")
            return structured({"endpoint": endpoint["name"], **{key: endpoint[key] for key in keys}})
        args = arguments.get("args") or {}
        if not isinstance(args, dict):
            return error_result("invalid arguments: args: must be an object")
        return await self.run(endpoint, args)


def build_server(
    client: AsyncClient | None = None,
    *,
    tools: Mode = "static",
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    read_only: bool = False,
) -> Server[Any]:
    """The MCP server; ``client`` defaults to one built from the SDK's environment variables on the first call."""
    offered = Tools(client, tools, catalog.select(catalog.all_tools(), include, exclude, read_only))

    async def list_tools(ctx: ServerRequestContext[Any], params: types.PaginatedRequestParams | None) -> Any:
        return types.ListToolsResult(tools=offered.listed())

    async def call_tool(ctx: ServerRequestContext[Any], params: types.CallToolRequestParams) -> Any:
        return await offered.call(params.name, dict(params.arguments or {}))

    return Server(SERVER_NAME, version=SERVER_VERSION, on_list_tools=list_tools, on_call_tool=call_tool)


def main(argv: Sequence[str] | None = None) -> None:
    """The command line: ``python -m <package>.mcp [--tools static|dynamic] [--include X] [--exclude X] [--read-only]``."""
    parser = argparse.ArgumentParser(prog=f"{SERVER_NAME}-mcp", description=f"The {SERVER_NAME} API as MCP tools.")
    parser.add_argument(
        "--tools",
        choices=("static", "dynamic"),
        default=os.environ.get(TOOLS_ENV) or "static",
        help=f"a tool per operation, or three tools that find and call them (env {TOOLS_ENV})",
    )
    parser.add_argument("--include", action="append", default=[], metavar="TOOL_OR_TAG", help="keep only these")
    parser.add_argument("--exclude", action="append", default=[], metavar="TOOL_OR_TAG", help="leave these out")
    parser.add_argument("--read-only", action="store_true", help="only operations that read (GET)")
    args = parser.parse_args(argv)
    server = build_server(tools=args.tools, include=args.include, exclude=args.exclude, read_only=args.read_only)
    anyio.run(_serve, server)


async def _serve(server: Server[Any]) -> None:
    from mcp.server.stdio import stdio_server

    async with stdio_server() as (read, write):
        await server.run(read, write, server.create_initialization_options())
