"""An MCP server for this SDK: every API operation as a tool for AI agents, called through the SDK's async client.

Run it with ``python -m <package>.mcp`` (stdio), or build one with :func:`build_server`. Needs the ``mcp`` extra.
"""

from __future__ import annotations

from .server import build_server, main

__all__ = ["build_server", "main"]
