"""Shared helpers of the runtime tests (imported by the test modules; conftest puts this folder on sys.path)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import anyio
import httpx

Handler = Callable[[httpx.Request], httpx.Response]


class Mock:
    """Replays queued responses (or a handler) and records every request sent."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.queue: list[Any] = []
        self.handler: Handler | None = None

    def add(self, *responses: Any) -> Mock:
        self.queue.extend(responses)
        return self

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        if self.handler is not None:
            return self.handler(request)
        item = self.queue.pop(0)
        if isinstance(item, BaseException):
            raise item
        if callable(item):
            result: httpx.Response = item(request)
            return result
        return item  # type: ignore[no-any-return]


class Sleeps:
    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)

    async def asleep(self, seconds: float) -> None:
        self.calls.append(seconds)


def json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


def run(fn: Callable[[], Any]) -> Any:
    """Run an async test body (no pytest async plugin needed)."""
    return anyio.run(fn)


class Chunks(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body that records how much of it has been pulled."""

    def __init__(self, chunks: list[bytes]) -> None:
        self.chunks = chunks
        self.pulled: list[bytes] = []
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.chunks:
            self.pulled.append(chunk)
            yield chunk

    async def __aiter__(self) -> Any:
        for chunk in self.chunks:
            self.pulled.append(chunk)
            yield chunk

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True
