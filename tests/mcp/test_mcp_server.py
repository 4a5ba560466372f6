"""The MCP server generated beside openai-videos, driven over stdio by the official MCP client as an agent's host
would run it (``python -m openai_videos.mcp``), against a real HTTP server on 127.0.0.1: tools, calls, errors,
modes and filters."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import anyio
import pytest
from mcp import Client, StdioServerParameters

ROOT = Path(__file__).resolve().parents[2]
SDK = ROOT / "generated" / "openai-videos"
SECRET = "sk-test-secret-4242"
VIDEO = {"id": "video_123", "object": "video", "model": "sora-2", "status": "queued", "progress": 0,
         "created_at": 1, "completed_at": None, "expires_at": None, "error": None, "prompt": "a cat",
         "remixed_from_video_id": None, "seconds": "4", "size": "720x1280"}


class _Api(BaseHTTPRequestHandler):
    """Remix answers with a video; anything else is a 404 whose message quotes the caller's key (to be redacted)."""

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))) or b"{}")
        if self.path == "/v1/videos/video_123/remix":
            self._send(200, {**VIDEO, "id": "video_456", "prompt": body.get("prompt"),
                             "remixed_from_video_id": "video_123"})
        else:
            self.do_GET()

    def do_GET(self) -> None:
        key = self.headers.get("authorization", "")
        self._send(404, {"error": {"message": f"no such video (caller {key})", "type": "invalid_request_error",
                                   "code": "video_not_found"}})

    def _send(self, status: int, payload: Any) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def api_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Api)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()


def _readme_config() -> dict[str, Any]:
    """The server entry of the JSON snippet the SDK's README gives for an MCP client's configuration."""
    snippet = re.search(r"```json\n(.*?)```", (SDK / "README.md").read_text(encoding="utf-8"), flags=re.DOTALL)
    assert snippet is not None
    servers: dict[str, Any] = json.loads(snippet.group(1))["mcpServers"]
    assert list(servers) == ["openai-videos"]
    return servers["openai-videos"]


def _server(api_url: str, *args: str, **env: str) -> StdioServerParameters:
    """The server as the README configures it: its command, arguments and variables (with this test's values)."""
    config = _readme_config()
    assert set(config["env"]) == {"OPENAI_API_KEY", "OPENAI_BASE_URL"}
    environment = {"OPENAI_API_KEY": SECRET, "OPENAI_BASE_URL": api_url, "PYTHONPATH": str(SDK), **env}
    command = shutil.which(config["command"]) or sys.executable  # "python": the one on PATH, as a client finds it
    return StdioServerParameters(command=command, args=[*config["args"], *args], env={**os.environ, **environment},
                                 cwd=str(SDK))


async def _session(params: StdioServerParameters, calls: list[tuple[str, dict[str, Any]]]) -> tuple[Any, list[Any]]:
    async with Client(params) as client:
        listed = await client.list_tools()
        results = [await client.call_tool(name, args) for name, args in calls]
    return listed, results


def test_stdio_lists_every_operation_and_calls_remix(api_url: str) -> None:
    listed, (remixed,) = anyio.run(_session, _server(api_url), [("videos_remix", {"video_id": "video_123",
                                                                                    "prompt": "a dog"})])
    names = [tool.name for tool in listed.tools]
    assert names == ["videos_list", "videos_create", "videos_extend", "videos_retrieve", "videos_delete",
                     "videos_download_content", "videos_remix"]
    remix = next(tool for tool in listed.tools if tool.name == "videos_remix")
    assert remix.input_schema["required"] == ["video_id", "prompt"]
    assert set(remix.input_schema["properties"]) == {"video_id", "prompt"}
    assert remix.output_schema is not None and "remixed_from_video_id" in remix.output_schema["properties"]
    assert not remixed.is_error
    assert remixed.structured_content["id"] == "video_456"
    assert remixed.structured_content["remixed_from_video_id"] == "video_123"
    assert remixed.structured_content["prompt"] == "a dog"


def test_api_errors_are_results_with_the_status_and_no_credentials(api_url: str) -> None:
    _, (missing, invalid, after) = anyio.run(_session, _server(api_url), [
        ("videos_retrieve", {"video_id": "video_999"}),
        ("videos_remix", {"video_id": "video_123"}),  # prompt is required
        ("videos_remix", {"video_id": "video_123", "prompt": "still up"}),
    ])
    text = missing.content[0].text
    assert missing.is_error and "HTTP 404" in text and "video_not_found" in text and "no such video" in text
    assert SECRET not in text
    assert invalid.is_error and "'prompt' is a required property" in invalid.content[0].text
    assert not after.is_error  # the server stayed up


def test_dynamic_mode_from_the_environment(api_url: str) -> None:
    calls = [("list_api_endpoints", {"search": "remix"}), ("get_api_endpoint_schema", {"endpoint": "videos_remix"}),
             ("invoke_api_endpoint", {"endpoint": "videos_remix", "args": {"video_id": "video_123", "prompt": "x"}})]
    listed, (found, schema, called) = anyio.run(_session, _server(api_url, OPENAI_VIDEOS_MCP_TOOLS="dynamic"), calls)
    assert [t.name for t in listed.tools] == ["list_api_endpoints", "get_api_endpoint_schema", "invoke_api_endpoint"]
    assert [e["endpoint"] for e in found.structured_content["endpoints"]] == ["videos_remix"]
    assert schema.structured_content["path"] == "/videos/{video_id}/remix"
    assert called.structured_content["id"] == "video_456"


def test_read_only_from_the_command_line(api_url: str) -> None:
    listed, _ = anyio.run(_session, _server(api_url, "--read-only"), [])
    assert [tool.name for tool in listed.tools] == ["videos_list", "videos_retrieve", "videos_download_content"]


@pytest.mark.parametrize(("selection", "expected"), [
    ({"include": ["videos_remix", "ListVideos"]}, ["videos_list", "videos_remix"]),  # a tool or an operationId
    ({"include": ["Videos"], "exclude": ["videos_delete"]}, ["videos_list", "videos_create", "videos_extend",
                                                              "videos_retrieve", "videos_download_content",
                                                              "videos_remix"]),
    ({"exclude": ["Videos"]}, []),  # by tag
])
def test_include_and_exclude(selection: dict[str, list[str]], expected: list[str]) -> None:
    sys.path.insert(0, str(SDK))
    try:
        from openai_videos.mcp import build_server
    finally:
        sys.path.remove(str(SDK))

    async def listed() -> list[str]:
        async with Client(build_server(**selection)) as client:  # type: ignore[arg-type]
            return [tool.name for tool in (await client.list_tools()).tools]

    assert anyio.run(listed) == expected


@pytest.mark.parametrize("tool", ["ruff", "black"])
def test_server_runtime_sources_are_clean(tool: str) -> None:
    """The static server modules, checked where they live with a generated SDK's settings (mypy --strict checks them
    inside generated/openai-videos, where their imports resolve)."""
    runtime = ROOT / "generator" / "targets" / "python" / "mcp" / "runtime"
    config = str(SDK / "pyproject.toml")
    args = ["check", "--no-cache", "--config", config, "."] if tool == "ruff" else ["--check", "--config", config, "."]
    result = subprocess.run([sys.executable, "-m", tool, *args], cwd=runtime, capture_output=True, text=True,
                            check=False, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
