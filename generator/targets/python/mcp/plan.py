"""Whether and how a Python SDK carries an MCP server: its tools (as tools.json text) and its tool-mode variable."""

from __future__ import annotations

import json
import re

from generator import model
from generator.errors import UsageError
from generator.frozen import frozen
from generator.targets.python.mcp.tools import plan_tools
from generator.targets.python.shapes import PyApi


@frozen
class McpPlan:
    tools_json: str  # every tool, as the server reads it
    tools_env: str  # "<DISTRIBUTION>_MCP_TOOLS" (OPENAI_VIDEOS_MCP_TOOLS): "dynamic" picks the three-tool mode
    tool_count: int


def plan_mcp(api: model.Api, py: PyApi) -> McpPlan:
    """The server's plan; it calls the async client, so a sync-only SDK cannot have one."""
    if not py.async_:
        raise UsageError(f'{py.package}: mcp = true needs the async client (mode = "both" or "async")')
    tools = plan_tools(api, py)
    text = json.dumps(tools, indent=1, ensure_ascii=False) + "\n"
    env = re.sub(r"[^A-Z0-9]+", "_", py.distribution.upper()).strip("_")  # the server is named by its distribution
    return McpPlan(tools_json=text, tools_env=f"{env}_MCP_TOOLS", tool_count=len(tools))
