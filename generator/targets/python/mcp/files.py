"""The files of an SDK's MCP server: the static runtime as it is, its identity and tools, and its generated tests."""

from __future__ import annotations

from pathlib import Path

import jinja2

from generator.targets.python.shapes import PyApi

RUNTIME = Path(__file__).resolve().parent / "runtime"
IDENTITY = "sdk/mcp/_identity.py.jinja"
TESTS = "sdk/mcp/test_mcp.py.jinja"


def mcp_files(env: jinja2.Environment, api: PyApi) -> dict[str, str]:
    """``{package}/mcp/...`` and ``tests/test_mcp.py``; nothing when the target has no MCP server."""
    if api.mcp is None:
        return {}
    folder = f"{api.package}/mcp"
    files = {f"{folder}/{path.name}": path.read_text(encoding="utf-8") for path in sorted(RUNTIME.glob("*.py"))}
    files[f"{folder}/_identity.py"] = env.get_template(IDENTITY).render(api=api)
    files[f"{folder}/tools.json"] = api.mcp.tools_json
    files["tests/test_mcp.py"] = env.get_template(TESTS).render(api=api)
    return files
