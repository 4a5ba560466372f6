from __future__ import annotations

from typing import Any

import httpx
import pytest
from runtime_helpers import Chunks, Mock, run

SSE = (
    b": keep-alive comment\n\n"
    b'event: progress\nid: 1\nretry: 3000\ndata: {"type": "progress",\n'
    b'data:  "value": 1}\n\n'
    b'data: {"type": "done", "value": 2}\r\n\r\n'
    b"data: [DONE]\n\n"
    b'data: {"type": "after-done"}\n\n'
)


def _split(data: bytes, size: int) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]


def test_decoder_fields_and_multiline(sdk: Any) -> None:
    from acme_sdk._streaming import SSEDecoder

    events = list(SSEDecoder().iter_events(_split(SSE, 7)))
    assert events[0].event == "progress" and events[0].id == "1" and events[0].retry == 3000
    assert events[0].data == '{"type": "progress",\n "value": 1}'
    assert events[0].json() == {"type": "progress", "value": 1}
    assert events[1].event is None and events[1].id == "1"  # the last event id carries over
    assert [e.data for e in events[2:]] == ["[DONE]", '{"type": "after-done"}']


@pytest.mark.parametrize("size", [1, 3, 1000])
def test_stream_yields_typed_events_until_done(client: Any, mock: Mock, size: int) -> None:
    from acme_sdk.types import Event

    mock.add(httpx.Response(200, headers={"content-type": "text/event-stream"}, content=_split(SSE, size)))
    with client.widgets.events() as stream:
        events = list(stream)
    assert [type(e) for e in events] == [Event, Event]
    assert [(e.type, e.value) for e in events] == [("progress", 1), ("done", 2)]
    assert stream.response.is_closed


def test_stream_cut_mid_event_raises(client: Any, sdk: Any, mock: Mock) -> None:
    body = b'data: {"type": "a"}\n\ndata: {"type": "b"'
    mock.add(httpx.Response(200, headers={"content-type": "text/event-stream"}, content=[body]))
    stream = client.widgets.events()
    assert next(iter(stream)).type == "a"
    with pytest.raises(sdk.APIStreamError):
        next(iter(stream))


def test_stream_error_event_raises(client: Any, sdk: Any, mock: Mock) -> None:
    body = b'event: error\ndata: {"error": {"message": "overloaded"}}\n\n'
    mock.add(httpx.Response(200, content=[body]))
    with pytest.raises(sdk.APIStreamError, match="overloaded"):
        list(client.widgets.events())


def test_stream_error_status_raises_before_streaming(client: Any, sdk: Any, mock: Mock) -> None:
    mock.add(httpx.Response(404, json={"error": {"message": "gone"}}))
    with pytest.raises(sdk.NotFoundError, match="gone"):
        client.widgets.events()


def test_streamed_response_of_sse(client: Any, mock: Mock) -> None:
    mock.add(httpx.Response(200, content=_split(SSE, 5)))
    with client.widgets.with_streaming_response.events() as response:
        assert [e.type for e in response.parse()] == ["progress", "done"]


def test_async_stream(aclient: Any, sdk: Any, mock: Mock) -> None:
    async def main() -> None:
        mock.add(httpx.Response(200, stream=Chunks(_split(SSE, 4))))
        stream = await aclient.widgets.events()
        assert isinstance(stream, sdk._streaming.AsyncStream)
        assert [e.type async for e in stream] == ["progress", "done"]
        assert stream.response.is_closed
        mock.add(httpx.Response(200, stream=Chunks([b'data: {"type": "x"}\n'])))
        async with await aclient.widgets.events() as stream2:
            with pytest.raises(sdk.APIStreamError):
                [e async for e in stream2]

    run(main)
