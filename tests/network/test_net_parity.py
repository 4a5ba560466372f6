"""Issue #14 on the wire, against a real 127.0.0.1 server, with an SDK generated from the current templates (so these
tests do not wait for ``generated/`` to be regenerated): streamed downloads (large and cut short), Retry-After beyond
the cap, error details, omitted optional bodies, an empty success body, sync and async."""

from __future__ import annotations

import email.utils
import importlib
import subprocess
import sys
import tracemalloc
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Optional, cast

import anyio
import pytest
from net_server import SECRET, VIDEO, Delays, LocalServer, Reply

ROOT = Path(__file__).resolve().parents[2]
BIG = 64 * 1024 * 1024
NOW = 1_700_000_000.0


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> types.ModuleType:
    out = tmp_path_factory.mktemp("parity") / "parity-videos"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "generate", "specs/openai-videos.yaml", "-o", str(out)]
        + ["--package-name", "parity_videos", "--force"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    sys.path.insert(0, str(out))
    return importlib.import_module("parity_videos")


@pytest.fixture
def pclient(sdk: Any, server: LocalServer, delays: Delays) -> Iterator[Any]:
    c = sdk.ParityVideos(api_key=SECRET, base_url=server.url + "/v1", timeout=5.0, max_retries=2)
    c._sleep, c._random, c._time = delays, (lambda: 0.0), (lambda: NOW)
    yield c
    c.close()


def _aclient(sdk: Any, server: LocalServer, delays: Delays, **kwargs: Any) -> Any:
    c = sdk.AsyncParityVideos(api_key=SECRET, base_url=server.url + "/v1", timeout=5.0, **kwargs)
    c._sleep, c._random, c._time = delays.asleep, (lambda: 0.0), (lambda: NOW)
    return c


def _big_body(total: int, block: int = 256 * 1024) -> Iterator[bytes]:
    piece = bytes(range(256)) * (block // 256)
    for _ in range(total // block):
        yield piece


# --- streamed downloads ---------------------------------------------------------------------------------------------


def test_stream_to_file_large_body_bounded_memory(server: LocalServer, pclient: Any, tmp_path: Path) -> None:
    server.handler = lambda request: Reply(body=_big_body(BIG), headers={"content-type": "video/mp4"}, length=BIG)
    target = tmp_path / "video.mp4"
    tracemalloc.start()
    try:
        with pclient.videos.with_streaming_response.download_content("video_123") as response:
            response.stream_to_file(target)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert target.stat().st_size == BIG
    assert peak < BIG // 8, f"peak {peak} bytes: the body was held in memory"


def test_async_stream_to_file_large_body(sdk: Any, server: LocalServer, delays: Delays, tmp_path: Path) -> None:
    server.handler = lambda request: Reply(body=_big_body(BIG // 4), headers={"content-type": "video/mp4"}, framing="chunked")
    target = tmp_path / "video.mp4"

    async def main() -> None:
        async with _aclient(sdk, server, delays) as c:
            async with c.videos.with_streaming_response.download_content("video_123") as response:
                await response.stream_to_file(target)

    anyio.run(main)
    assert target.stat().st_size == BIG // 4


def test_streamed_iterators_and_write_to_file(server: LocalServer, pclient: Any, tmp_path: Path) -> None:
    server.handler = lambda request: Reply(body=[b"line one\nline ", b"two\n"], headers={"content-type": "text/plain"}, framing="chunked")
    with pclient.videos.with_streaming_response.download_content("video_123") as response:
        assert list(response.iter_lines()) == ["line one", "line two"]
    with pclient.videos.with_streaming_response.download_content("video_123") as response:
        assert "".join(response.iter_text()) == "line one\nline two\n"
    with pclient.videos.with_streaming_response.download_content("video_123") as response:
        assert b"".join(response.iter_bytes()) == b"line one\nline two\n"
    with pclient.videos.with_streaming_response.download_content("video_123") as response:
        response.write_to_file(tmp_path / "w.txt")
    assert (tmp_path / "w.txt").read_bytes() == b"line one\nline two\n"


@pytest.mark.parametrize("framing", ["length", "chunked"])
def test_connection_dropped_mid_body_is_api_connection_error(
    sdk: Any, server: LocalServer, pclient: Any, delays: Delays, tmp_path: Path, framing: str
) -> None:
    server.handler = lambda request: Reply(
        body=_big_body(4 * 1024 * 1024), headers={"content-type": "video/mp4"}, framing=framing, length=BIG, cut=True
    )
    with pclient.videos.with_streaming_response.download_content("video_123") as response:
        with pytest.raises(sdk.APIConnectionError) as info:
            response.stream_to_file(tmp_path / "cut.mp4")
    assert not isinstance(info.value, sdk.APITimeoutError)
    assert response.is_closed

    async def main() -> None:
        async with _aclient(sdk, server, delays) as c:
            async with c.videos.with_streaming_response.download_content("video_123") as aresponse:
                with pytest.raises(sdk.APIConnectionError):
                    async for _ in aresponse.iter_bytes():
                        pass
            assert aresponse.is_closed

    anyio.run(main)
    assert server.wait_all_closed()


# --- Retry-After beyond the cap ---------------------------------------------------------------------------------------


def _retry_after(form: str, seconds: float) -> dict[str, str]:
    if form == "seconds":
        return {"retry-after": str(int(seconds))}
    if form == "ms":
        return {"retry-after-ms": str(int(seconds * 1000))}
    return {"retry-after": email.utils.formatdate(NOW + seconds, usegmt=True)}


@pytest.mark.parametrize("form", ["seconds", "ms", "date"])
def test_retry_after_within_and_beyond_the_cap(
    sdk: Any, server: LocalServer, pclient: Any, delays: Delays, form: str
) -> None:
    replies = [Reply.json({"error": {"message": "busy"}}, status=429, headers=_retry_after(form, 30)), Reply.json(VIDEO)]
    server.handler = lambda request: replies.pop(0)
    assert pclient.videos.retrieve("video_123").id == "video_123"
    assert delays.calls == [30.0] and len(server.requests) == 2

    server.handler = lambda request: Reply.json({"error": {"message": "busy"}}, status=429, headers=_retry_after(form, 3600))
    with pytest.raises(sdk.RateLimitError):
        pclient.videos.retrieve("video_123")
    assert delays.calls == [30.0] and len(server.requests) == 3  # sent once, no wait

    async def main() -> None:
        async with _aclient(sdk, server, delays, max_retry_after=7200) as c:
            queued = [Reply.json({}, status=503, headers=_retry_after(form, 3600)), Reply.json(VIDEO)]
            server.handler = lambda request: queued.pop(0)
            assert (await c.videos.retrieve("video_123")).id == "video_123"
        async with _aclient(sdk, server, delays) as c:
            server.handler = lambda request: Reply.json({}, status=503, headers=_retry_after(form, 121))
            with pytest.raises(sdk.InternalServerError):
                await c.videos.retrieve("video_123")

    anyio.run(main)
    assert delays.calls == [30.0, 3600.0] and len(server.requests) == 6


# --- error details, empty bodies, omitted bodies ------------------------------------------------------------------


def test_error_details_on_the_wire(sdk: Any, server: LocalServer, pclient: Any, delays: Delays) -> None:
    body = {"error": {"code": "insufficient_quota", "type": "insufficient_quota", "param": None, "message": "Quota"}}
    server.handler = lambda request: Reply.json(body, status=429, headers={"x-request-id": "req_42", "x-should-retry": "false"})
    with pytest.raises(sdk.RateLimitError) as info:
        pclient.videos.retrieve("video_123")
    err = info.value
    assert (err.code, err.type, err.param, err.request_id, err.status_code) == (
        "insufficient_quota", "insufficient_quota", None, "req_42", 429
    )
    assert err.body == body and err.message == "Error code: 429 - Quota"
    assert SECRET not in repr(err) + str(err)

    async def main() -> None:
        async with _aclient(sdk, server, delays) as c:
            with pytest.raises(sdk.RateLimitError) as ainfo:
                await c.videos.retrieve("video_123")
        assert ainfo.value.code == "insufficient_quota"

    anyio.run(main)


def test_204_on_an_optional_json_method(sdk: Any, server: LocalServer, pclient: Any, delays: Delays) -> None:
    server.handler = lambda request: Reply(status=204)
    video_type = cast(Any, Optional[sdk.types.Video])
    assert pclient.videos._request("get", "/videos/video_123", cast_to=video_type) is None
    assert pclient.videos.delete("video_123") is None  # as openai-python: a 204 without a body returns
    strict = sdk.ParityVideos(api_key=SECRET, base_url=server.url + "/v1", timeout=5.0, strict=True)
    with strict, pytest.raises(sdk.APIResponseValidationError, match="empty body"):
        strict.videos.delete("video_123")

    async def main() -> None:
        async with _aclient(sdk, server, delays) as c:
            assert await c.videos._request("get", "/videos/video_123", cast_to=video_type) is None
            assert await c.videos.delete("video_123") is None

    anyio.run(main)


@pytest.mark.parametrize(
    "content_type", ["application/json", "application/x-www-form-urlencoded", "multipart/form-data", "application/octet-stream"]
)
def test_omitted_optional_body_sends_nothing(
    sdk: Any, server: LocalServer, pclient: Any, delays: Delays, content_type: str
) -> None:
    server.handler = lambda request: Reply.json(VIDEO)
    pclient.videos._request("post", "/videos", cast_to=object, body=sdk.NOT_GIVEN, content_type=content_type)
    pclient.videos._request(
        "post", "/videos", cast_to=object, body={"a": sdk.NOT_GIVEN}, content_type=content_type, body_required=False
    )

    async def main() -> None:
        async with _aclient(sdk, server, delays) as c:
            await c.videos._request("post", "/videos", cast_to=object, body=sdk.NOT_GIVEN, content_type=content_type)

    anyio.run(main)
    for request in server.requests:
        assert request.body == b""
        assert "content-type" not in request.headers
        assert request.headers.get("content-length", "0") == "0"
