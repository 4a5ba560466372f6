"""Fixtures for the network tests: a real HTTP server on 127.0.0.1 and clients of the generated SDK pointed at it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import openai_videos
from net_server import SECRET, Delays, LocalServer


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_VIDEOS_LOG"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def server() -> Iterator[LocalServer]:
    srv = LocalServer()
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def delays() -> Delays:
    return Delays()


@pytest.fixture
def client(server: LocalServer, delays: Delays) -> Iterator[Any]:
    c = openai_videos.OpenAIVideos(api_key=SECRET, base_url=server.url + "/v1", timeout=2.0, max_retries=2)
    c._sleep = delays
    c._random = lambda: 0.0
    try:
        yield c
    finally:
        c.close()


@pytest.fixture
def make_async_client(server: LocalServer, delays: Delays) -> Any:
    def make(**kwargs: Any) -> Any:
        options: dict[str, Any] = {"api_key": SECRET, "base_url": server.url + "/v1", "timeout": 2.0}
        options.update(kwargs)
        c = openai_videos.AsyncOpenAIVideos(**options)
        c._sleep = delays.asleep
        c._random = lambda: 0.0
        return c

    return make
