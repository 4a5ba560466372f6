"""``http_client=`` accepts an httpx2 client as well as an httpx one (the default transport stays httpx: see
docs/runtime.md, "Transport"): calls, retries, typed network errors and streamed downloads, sync and async."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anyio
import httpx2  # a dev dependency: never skipped
import pytest
from net_server import SECRET, VIDEO, Delays, LocalServer, Reply, Reset
from test_net_parity import sdk  # noqa: F401  (the SDK generated from the current templates)


def test_sync_httpx2_client(sdk: Any, server: LocalServer, delays: Delays, tmp_path: Path) -> None:  # noqa: F811
    with httpx2.Client() as http:
        c = sdk.ParityVideos(api_key=SECRET, base_url=server.url + "/v1", http_client=http, max_retries=1)
        c._sleep = delays
        replies: list[Any] = [Reset(), Reply.json(VIDEO)]
        server.handler = lambda request: replies.pop(0)
        assert c.videos.retrieve("video_123").id == "video_123"
        assert len(delays.calls) == 1  # the reset was retried
        server.handler = lambda request: Reply(body=[b"ab", b"cd"], headers={"content-type": "video/mp4"}, framing="chunked")
        with c.videos.with_streaming_response.download_content("video_123") as response:
            response.stream_to_file(tmp_path / "v.mp4")
        assert (tmp_path / "v.mp4").read_bytes() == b"abcd"
        server.handler = lambda request: Reply(
            body=[b"x" * 65536], headers={"content-type": "video/mp4"}, length=10 * 65536, cut=True
        )
        with c.videos.with_streaming_response.download_content("video_123") as response:
            with pytest.raises(sdk.APIConnectionError):
                response.stream_to_file(tmp_path / "cut.mp4")
        server.handler = lambda request: Reset()
        with pytest.raises(sdk.APIConnectionError):
            c.videos.retrieve("video_123")


def test_async_httpx2_client(sdk: Any, server: LocalServer, delays: Delays) -> None:  # noqa: F811
    server.handler = lambda request: Reply.json(VIDEO)

    async def main() -> None:
        async with httpx2.AsyncClient() as http:
            c = sdk.AsyncParityVideos(api_key=SECRET, base_url=server.url + "/v1", http_client=http)
            c._sleep = delays.asleep
            videos = [await c.videos.retrieve("video_123") for _ in range(3)]
            assert [v.id for v in videos] == ["video_123"] * 3
            server.handler = lambda request: Reply.json({"error": {"code": "nope", "message": "x"}}, status=404)
            with pytest.raises(sdk.NotFoundError) as info:
                await c.videos.retrieve("video_123")
            assert info.value.code == "nope"

    anyio.run(main)
