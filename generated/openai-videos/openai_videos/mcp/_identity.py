"""What sets this SDK's MCP server apart: its name, its client, and the variable that picks its tool mode."""

from __future__ import annotations

from .. import AsyncOpenAIVideos as AsyncClient

SERVER_NAME = "openai-videos"
SERVER_VERSION = "0.1.0"
# "dynamic": three tools that find, describe and call the operations (for APIs too big to list as tools)
TOOLS_ENV = "OPENAI_VIDEOS_MCP_TOOLS"

__all__ = ["SERVER_NAME", "SERVER_VERSION", "TOOLS_ENV", "AsyncClient"]
