"""Load against a real server on 127.0.0.1: concurrency, connection limits, and memory across rounds."""

from __future__ import annotations

import asyncio
import gc
import tracemalloc
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import openai_videos
from net_server import SECRET, VIDEO, LocalServer, Reply

CALLS = 1_000
TASKS = 100
THREADS = 8
MAX_CONNECTIONS = 10
ROUNDS = 3
ROUND_CALLS = 200
ASYNC_ROUND_CALLS = 100
MAX_GROWTH = 1_000_000  # bytes between the 2nd and the 3rd round


def _serve_videos(server: LocalServer) -> None:
    def handler(request: Any) -> Reply:
        video_id = request.path.rsplit("/", 1)[-1]
        return Reply.json({**VIDEO, "id": video_id})

    server.handler = handler


async def _async_round(c: Any, calls: int, tasks: int) -> list[str]:
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(calls):
        queue.put_nowait(i)
    results: list[str] = []

    async def worker() -> None:
        while True:
            try:
                i = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            video = await c.videos.retrieve(f"video_{i}")
            results.append(video.id)

    await asyncio.gather(*(worker() for _ in range(tasks)))
    return results


def test_async_1000_calls_over_100_tasks_respect_connection_limit(server: LocalServer) -> None:
    _serve_videos(server)

    async def main() -> list[str]:
        http_client = httpx.AsyncClient(limits=httpx.Limits(max_connections=MAX_CONNECTIONS), timeout=10)
        async with openai_videos.AsyncOpenAIVideos(
            api_key=SECRET, base_url=server.url + "/v1", http_client=http_client, max_retries=0
        ) as c:
            return await _async_round(c, CALLS, TASKS)

    results = asyncio.run(main())
    assert sorted(results) == sorted(f"video_{i}" for i in range(CALLS))
    assert len(server.requests) == CALLS  # no retries were needed
    assert 1 <= server.peak_connections <= MAX_CONNECTIONS
    assert server.wait_all_closed()


def test_sync_1000_calls_over_8_threads(server: LocalServer) -> None:
    _serve_videos(server)
    http_client = httpx.Client(limits=httpx.Limits(max_connections=THREADS), timeout=10)
    with (
        openai_videos.OpenAIVideos(
            api_key=SECRET, base_url=server.url + "/v1", http_client=http_client, max_retries=0
        ) as c,
        ThreadPoolExecutor(THREADS) as pool,
    ):
        results = list(pool.map(lambda i: c.videos.retrieve(f"video_{i}").id, range(CALLS)))
    assert results == [f"video_{i}" for i in range(CALLS)]
    assert len(server.requests) == CALLS
    assert server.peak_connections <= THREADS
    assert server.wait_all_closed()


def test_memory_does_not_grow_across_rounds(server: LocalServer) -> None:
    _serve_videos(server)

    async def main() -> list[int]:
        sizes: list[int] = []
        http_client = httpx.AsyncClient(limits=httpx.Limits(max_connections=MAX_CONNECTIONS), timeout=10)
        async with openai_videos.AsyncOpenAIVideos(
            api_key=SECRET, base_url=server.url + "/v1", http_client=http_client, max_retries=0
        ) as c:
            for _ in range(ROUNDS):
                await _async_round(c, ASYNC_ROUND_CALLS, 20)
                server.requests.clear()  # the server's own log is not the client's memory
                gc.collect()
                sizes.append(tracemalloc.get_traced_memory()[0])
        return sizes

    tracemalloc.start()
    try:
        sizes = asyncio.run(main())
    finally:
        tracemalloc.stop()
    assert sizes[2] - sizes[1] < MAX_GROWTH, sizes


def test_sync_memory_does_not_grow_across_rounds(server: LocalServer) -> None:
    _serve_videos(server)
    sizes: list[int] = []
    tracemalloc.start()
    try:
        with (
            openai_videos.OpenAIVideos(api_key=SECRET, base_url=server.url + "/v1", max_retries=0) as c,
            ThreadPoolExecutor(4) as pool,
        ):
            for _ in range(ROUNDS):
                list(pool.map(lambda i: c.videos.retrieve(f"video_{i}"), range(ROUND_CALLS)))
                server.requests.clear()
                gc.collect()
                sizes.append(tracemalloc.get_traced_memory()[0])
    finally:
        tracemalloc.stop()
    assert sizes[2] - sizes[1] < MAX_GROWTH, sizes
