"""Untrusted responses from a real server: typed errors (or lenient models by design), never a hang or a stray error."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import openai_videos
import pytest
from net_server import SECRET, VIDEO, LocalServer, Reply
from openai_videos._base_client import build_request_options
from openai_videos._streaming import AsyncStream, Stream
from openai_videos.types import Video

T = TypeVar("T")
BOUND = 30.0  # seconds: the tests' own limit for "does not hang"
BIG = 50 * 1024 * 1024
HTML = b"<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>"


def bounded(fn: Callable[[], T], seconds: float = BOUND) -> T:
    """Run ``fn`` in a worker thread and fail (rather than hang) if it does not finish in time."""
    pool = ThreadPoolExecutor(1)
    try:
        return pool.submit(fn).result(timeout=seconds)
    finally:
        pool.shutdown(wait=False)


def _strict(server: LocalServer) -> Any:
    return openai_videos.OpenAIVideos(api_key=SECRET, base_url=server.url + "/v1", strict=True, max_retries=0)


# --- bodies that are not JSON, or lie about their type ------------------------------------------------------------


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json", HTML),
        ("application/json", b'{"id": "video_1", "object": '),  # truncated JSON
        ("application/json", b"\xff\xfe\x00garbage"),
        ("text/html", HTML),
        ("text/plain", b"OK"),
    ],
    ids=["json-but-html", "json-but-truncated", "json-but-binary", "html", "text"],
)
@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
def test_non_json_body_gives_typed_error(
    server: LocalServer, client: Any, content_type: str, body: bytes, strict: bool
) -> None:
    server.handler = lambda request: Reply(body=body, headers={"content-type": content_type})
    c = _strict(server) if strict else client
    with pytest.raises(openai_videos.APIResponseValidationError) as info:
        bounded(lambda: c.videos.retrieve("video_123"))
    assert info.value.status_code == 200
    assert len(server.requests) == 1


def test_content_type_lies_but_body_is_json(server: LocalServer, client: Any) -> None:
    server.handler = lambda request: Reply(body=json.dumps(VIDEO).encode(), headers={"content-type": "text/html"})
    video = client.videos.retrieve("video_123")
    assert isinstance(video, Video) and video.id == "video_123"


def test_error_status_with_html_body_gives_status_error(server: LocalServer, client: Any) -> None:
    server.handler = lambda request: Reply(status=404, body=HTML, headers={"content-type": "application/json"})
    with pytest.raises(openai_videos.NotFoundError) as info:
        client.videos.retrieve("video_123")
    assert isinstance(info.value.body, str) and "Bad Gateway" in info.value.body


# --- JSON that does not match the schema -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        {**VIDEO, "progress": "lots", "status": "exploded", "new_field": [1]},
        {"unexpected": True},
        [VIDEO],
        "video_123",
        42,
        None,
    ],
    ids=["wrong-types", "other-object", "list", "string", "number", "null"],
)
def test_schema_mismatch(server: LocalServer, client: Any, data: Any) -> None:
    server.handler = lambda request: Reply.json(data)
    if isinstance(data, dict):
        # lenient by design: a Video built from what was sent, no exception
        video = client.videos.retrieve("video_123")
        assert isinstance(video, Video)
        assert all(getattr(video, k) == v for k, v in data.items())
    else:
        with pytest.raises(openai_videos.APIResponseValidationError):
            client.videos.retrieve("video_123")
    with pytest.raises(openai_videos.APIResponseValidationError) as info:
        _strict(server).videos.retrieve("video_123")
    assert info.value.body == data


# --- a 50 MB body ------------------------------------------------------------------------------------------------


def _big_chunks(prefix: bytes, filler: bytes, suffix: bytes, total: int) -> Iterator[bytes]:
    yield prefix
    block = filler * (1024 * 1024 // len(filler))
    sent = len(prefix) + len(suffix)
    while sent + len(block) <= total:
        yield block
        sent += len(block)
    yield filler * ((total - sent) // len(filler))
    yield suffix


def test_50mb_json_body_is_parsed(server: LocalServer, client: Any) -> None:
    prefix = json.dumps({**VIDEO, "prompt": ""}).encode()[:-2]  # ends inside the "prompt" string
    server.handler = lambda request: Reply(
        body=_big_chunks(prefix, b"a", b'"}', BIG), headers={"content-type": "application/json"}, framing="chunked"
    )
    video = bounded(lambda: client.videos.retrieve("video_123"))
    assert isinstance(video, Video) and len(video.prompt or "") > BIG - 1024


def test_50mb_garbage_json_body_gives_typed_error(server: LocalServer) -> None:
    server.handler = lambda request: Reply(
        body=_big_chunks(b"[", b"1,", b"}", BIG), headers={"content-type": "application/json"}, framing="close"
    )
    with pytest.raises(openai_videos.APIResponseValidationError):
        bounded(lambda: _strict(server).videos.retrieve("video_123"))


def test_50mb_download_streams(server: LocalServer, client: Any) -> None:
    server.handler = lambda request: Reply(
        body=_big_chunks(b"", b"\x00", b"", BIG), headers={"content-type": "video/mp4"}, length=BIG
    )

    def download() -> int:
        with client.videos.with_streaming_response.download_content("video_123") as response:
            return sum(len(chunk) for chunk in response.iter_bytes())

    assert bounded(download) == BIG


def test_50mb_body_cut_short_gives_connection_error(server: LocalServer, client: Any) -> None:
    server.handler = lambda request: Reply(
        body=_big_chunks(b"", b"\x00", b"", 5 * 1024 * 1024),
        headers={"content-type": "video/mp4"},
        length=BIG,
        cut=True,
    )
    with pytest.raises(openai_videos.APIConnectionError):
        bounded(lambda: client.with_options(max_retries=0).videos.retrieve("video_123"))


# --- server-sent events cut mid-event ----------------------------------------------------------------------------
# The videos API has no event-stream operation: drive the runtime's Stream / AsyncStream through a low-level call.

SSE_HEAD = {"content-type": "text/event-stream"}
SSE_OK = b"event: video\ndata: " + json.dumps(VIDEO).encode() + b"\n\n"
SSE_CUT = b"event: video\ndata: " + json.dumps(VIDEO).encode()[:20]


def _stream(c: Any) -> Any:
    return c.request(Stream[Video], build_request_options("get", "/events"))


@pytest.mark.parametrize("framing", ["close", "chunked", "length"])
def test_sse_cut_mid_event_clean_eof(server: LocalServer, client: Any, framing: str) -> None:
    body = SSE_OK + SSE_CUT
    server.handler = lambda request: Reply(body=body, headers=SSE_HEAD, framing=framing)

    def consume() -> list[Any]:
        seen: list[Any] = []
        with pytest.raises(openai_videos.APIStreamError):
            for event in _stream(client):
                seen.append(event)  # noqa: PERF402 (keep what came before the error)
        return seen

    seen = bounded(consume)
    assert [v.id for v in seen] == ["video_123"]


@pytest.mark.parametrize("framing", ["chunked", "length"])
def test_sse_connection_reset_mid_event(server: LocalServer, client: Any, framing: str) -> None:
    server.handler = lambda request: Reply(
        body=[SSE_OK, SSE_CUT], headers=SSE_HEAD, framing=framing, length=10_000, cut=True
    )

    def consume() -> list[Any]:
        seen: list[Any] = []
        with pytest.raises(openai_videos.APIError):
            for event in _stream(client):
                seen.append(event)  # noqa: PERF402 (keep what came before the error)
        return seen

    seen = bounded(consume)
    assert [v.id for v in seen] == ["video_123"]
    assert server.wait_all_closed()


def test_sse_event_with_invalid_json_gives_typed_error(server: LocalServer, client: Any) -> None:
    server.handler = lambda request: Reply(body=SSE_OK + b"data: {not json\n\n", headers=SSE_HEAD)
    with pytest.raises(openai_videos.APIError):
        bounded(lambda: list(_stream(client)))


def test_async_sse_reset_mid_event(server: LocalServer, make_async_client: Any) -> None:
    server.handler = lambda request: Reply(body=[SSE_OK, SSE_CUT], headers=SSE_HEAD, framing="chunked", cut=True)

    async def main() -> list[Any]:
        seen: list[Any] = []
        async with make_async_client(max_retries=0) as c:
            stream = await c.request(AsyncStream[Video], build_request_options("get", "/events"))
            with pytest.raises(openai_videos.APIError):
                async for event in stream:
                    seen.append(event)
        return seen

    seen = asyncio.run(asyncio.wait_for(main(), BOUND))
    assert [v.id for v in seen] == ["video_123"]
