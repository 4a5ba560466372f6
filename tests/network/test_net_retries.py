"""Retries, resets, stalls and idempotency against a real server on 127.0.0.1."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import openai_videos
import pytest
from net_server import VIDEO, Delays, LocalServer, Reply, Request, Reset, Stall


def _script(*actions: Any) -> Any:
    queue = list(actions)

    def handler(request: Request) -> Any:
        return queue.pop(0) if len(queue) > 1 else queue[0]

    return handler


def _pool_connections(http_client: httpx.Client | httpx.AsyncClient) -> list[Any]:
    return list(http_client._transport._pool.connections)  # type: ignore[attr-defined]


def test_500_503_429_then_200_succeeds_with_expected_attempts_and_delays(
    server: LocalServer, client: Any, delays: Delays
) -> None:
    server.handler = _script(
        Reply.json({"error": {"message": "boom"}}, status=500),
        Reply.json({"error": {"message": "unavailable"}}, status=503),
        Reply.json({"error": {"message": "slow down"}}, status=429, headers={"retry-after": "3"}),
        Reply.json(VIDEO),
    )
    video = client.with_options(max_retries=3).videos.retrieve("video_123")
    assert isinstance(video, openai_videos.types.Video) and video.id == "video_123"
    assert [r.path for r in server.requests] == ["/v1/videos/video_123"] * 4
    # exponential backoff (jitter patched to 0) for 500 and 503, then the server's Retry-After for 429
    assert delays.calls == [0.5, 1.0, 3.0]


def test_async_retries_then_success(server: LocalServer, make_async_client: Any, delays: Delays) -> None:
    server.handler = _script(
        Reply.json({}, status=503),
        Reply.json({}, status=429, headers={"retry-after-ms": "250"}),
        Reply.json(VIDEO),
    )

    async def main() -> Any:
        async with make_async_client(max_retries=2) as c:
            return await c.videos.retrieve("video_123")

    video = asyncio.run(main())
    assert video.id == "video_123"
    assert len(server.requests) == 3
    assert delays.calls == [0.5, 0.25]


def test_retries_exhausted_gives_status_error(server: LocalServer, client: Any, delays: Delays) -> None:
    server.handler = lambda request: Reply.json({"error": {"message": "down"}}, status=503)
    with pytest.raises(openai_videos.InternalServerError) as info:
        client.videos.retrieve("video_123")
    assert info.value.status_code == 503
    assert len(server.requests) == 3  # 1 + max_retries
    assert delays.calls == [0.5, 1.0]


@pytest.mark.parametrize(
    "action",
    [
        pytest.param(Reset(), id="reset-before-response"),
        pytest.param(
            Reply(body=b'{"id": "video_1', headers={"content-type": "application/json"}, length=4096, cut=True),
            id="reset-mid-body",
        ),
        pytest.param(
            Reply(body=b"", headers={"content-type": "application/json"}, length=100, cut=True), id="headers-then-reset"
        ),
    ],
)
def test_connection_reset_raises_connection_error_after_retries(
    server: LocalServer, client: Any, delays: Delays, action: Any
) -> None:
    server.handler = lambda request: action
    with pytest.raises(openai_videos.APIConnectionError) as info:
        client.videos.retrieve("video_123")
    assert not isinstance(info.value, openai_videos.APITimeoutError)
    assert len(server.requests) == 3
    assert len(delays.calls) == 2
    assert server.wait_all_closed(), f"{server.open_connections} connections left open"
    assert _pool_connections(client._client) == []


def test_stall_past_timeout_raises_timeout_error_after_retries(
    server: LocalServer, client: Any, delays: Delays
) -> None:
    server.handler = lambda request: Stall(seconds=5)
    with pytest.raises(openai_videos.APITimeoutError):
        client.videos.retrieve("video_123", timeout=0.2)
    assert len(server.requests) == 3
    assert len(delays.calls) == 2
    assert server.wait_all_closed(), f"{server.open_connections} connections left open"
    assert _pool_connections(client._client) == []


def test_stall_mid_body_raises_timeout_error(server: LocalServer, client: Any) -> None:
    head = b'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 500\r\n\r\n{"id":'
    server.handler = lambda request: Stall(seconds=5, prefix=head)
    with pytest.raises(openai_videos.APITimeoutError):
        client.with_options(max_retries=0).videos.retrieve("video_123", timeout=0.2)
    assert len(server.requests) == 1
    assert server.wait_all_closed()


def test_async_reset_and_stall_leave_no_open_connection(
    server: LocalServer, make_async_client: Any, delays: Delays
) -> None:
    async def main() -> None:
        c = make_async_client(max_retries=1, timeout=0.2)
        try:
            server.handler = lambda request: Reset()
            with pytest.raises(openai_videos.APIConnectionError):
                await c.videos.retrieve("video_123")
            server.handler = lambda request: Stall(seconds=5)
            with pytest.raises(openai_videos.APITimeoutError):
                await c.videos.retrieve("video_123")
            assert _pool_connections(c._client) == []
        finally:
            await c.close()

    asyncio.run(main())
    assert len(server.requests) == 4
    assert server.wait_all_closed()


def test_successful_calls_keep_one_idle_connection_then_close(server: LocalServer, client: Any) -> None:
    server.handler = lambda request: Reply.json(VIDEO)
    for _ in range(5):
        client.videos.retrieve("video_123")
    assert server.total_connections == 1  # keep-alive reuse
    client.close()
    assert server.wait_all_closed()


def test_retried_post_keeps_one_idempotency_key(server: LocalServer, client: Any, delays: Delays) -> None:
    server.handler = _script(Reply.json({}, status=500), Reset(), Reply.json({}, status=503), Reply.json(VIDEO))
    video = client.with_options(max_retries=3).videos.remix("video_123", prompt="more cats")
    assert video.id == "video_123"
    assert len(server.requests) == 4
    keys = {r.headers.get("idempotency-key") for r in server.requests}
    assert len(keys) == 1 and None not in keys
    assert all(r.method == "POST" and r.json() == {"prompt": "more cats"} for r in server.requests)
    # a second call gets a fresh key
    server.handler = lambda request: Reply.json(VIDEO)
    client.videos.remix("video_123", prompt="again")
    assert server.requests[-1].headers["idempotency-key"] not in keys


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, openai_videos.BadRequestError),
        (401, openai_videos.AuthenticationError),
        (404, openai_videos.NotFoundError),
        (422, openai_videos.UnprocessableEntityError),
    ],
)
def test_non_retryable_4xx_is_sent_once(
    server: LocalServer, client: Any, delays: Delays, status: int, error: type[Exception]
) -> None:
    server.handler = lambda request: Reply.json({"error": {"message": f"nope {status}"}}, status=status)
    with pytest.raises(error, match=f"nope {status}"):
        client.with_options(max_retries=5).videos.remix("video_123", prompt="x")
    assert len(server.requests) == 1
    assert delays.calls == []
