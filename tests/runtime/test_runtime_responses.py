from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from runtime_helpers import Chunks, Mock, json_response, run


def test_raw_response(client: Any, sdk: Any, mock: Mock) -> None:
    mock.add(json_response(201, {"id": "w_9", "status": "done"}, {"x-request-id": "req_1", "x-extra": "yes"}))
    raw = client.widgets.with_raw_response.create(name="n")
    assert isinstance(raw, sdk.APIResponse)
    assert raw.status_code == 201
    assert raw.headers["x-extra"] == "yes"
    assert raw.request_id == "req_1"
    widget = raw.parse()
    assert widget.id == "w_9" and raw.parse() is widget
    assert raw.json() == {"id": "w_9", "status": "done"}
    # the internal marker header never reaches the server
    assert not any(name.lower().startswith("x-sdkforge") for name in mock.requests[0].headers)


def test_streaming_response_is_lazy(client: Any, mock: Mock) -> None:
    body = Chunks([b'{"id": ', b'"w_3"}'])
    mock.add(httpx.Response(200, headers={"content-type": "application/json"}, stream=body))
    with client.widgets.with_streaming_response.create(name="n") as response:
        assert body.pulled == []
        assert response.status_code == 200
        assert response.parse().id == "w_3"
        assert body.pulled == [b'{"id": ', b'"w_3"}']
    assert body.closed


def test_binary_download_write_to_file(client: Any, sdk: Any, mock: Mock, tmp_path: Path) -> None:
    mock.add(httpx.Response(200, content=b"\x00binary\xff", headers={"content-type": "video/mp4"}))
    content = client.widgets.download("w_1")
    assert isinstance(content, sdk.BinaryAPIResponse)
    assert content.read() == b"\x00binary\xff" and content.content == b"\x00binary\xff"
    content.write_to_file(tmp_path / "out.mp4")
    assert (tmp_path / "out.mp4").read_bytes() == b"\x00binary\xff"
    assert next(iter(content.iter_bytes(3))) == b"\x00bi"


def test_streamed_binary_never_holds_body(client: Any, sdk: Any, mock: Mock, tmp_path: Path) -> None:
    body = Chunks([b"aaa", b"bbb", b"ccc"])
    mock.add(httpx.Response(200, stream=body))
    with client.widgets.with_streaming_response.download("w_1") as response:
        assert body.pulled == []
        binary = response.parse()
        assert isinstance(binary, sdk.BinaryAPIResponse)
        binary.stream_to_file(tmp_path / "v.mp4")
    assert (tmp_path / "v.mp4").read_bytes() == b"aaabbbccc"
    assert body.closed
    body2 = Chunks([b"x", b"y"])
    mock.add(httpx.Response(200, stream=body2))
    with client.widgets.with_streaming_response.download("w_1") as response:
        assert list(response.iter_bytes()) == [b"x", b"y"]


def test_async_raw_streaming_and_binary(aclient: Any, sdk: Any, mock: Mock, tmp_path: Path) -> None:
    async def main() -> None:
        mock.add(json_response(200, {"id": "w_5"}, {"x-request-id": "r5"}))
        raw = await aclient.widgets.with_raw_response.create(name="n")
        assert isinstance(raw, sdk.AsyncAPIResponse) and raw.request_id == "r5"
        assert (await raw.parse()).id == "w_5"
        body = Chunks([b'{"id":', b'"w_6"}'])
        mock.add(httpx.Response(200, stream=body))
        async with aclient.widgets.with_streaming_response.create(name="n") as response:
            assert body.pulled == []
            assert (await response.parse()).id == "w_6"
        assert body.closed
        mock.add(httpx.Response(200, content=b"bytes!"))
        binary = await aclient.widgets.download("w_1")
        assert isinstance(binary, sdk.AsyncBinaryAPIResponse) and binary.content == b"bytes!"
        await binary.write_to_file(tmp_path / "a.bin")
        assert (tmp_path / "a.bin").read_bytes() == b"bytes!"
        body = Chunks([b"1", b"2"])
        mock.add(httpx.Response(200, stream=body))
        async with aclient.widgets.with_streaming_response.download("w_1") as response:
            await (await response.parse()).stream_to_file(tmp_path / "b.bin")
        assert (tmp_path / "b.bin").read_bytes() == b"12"

    run(main)


def test_delete_returns_none(client: Any, mock: Mock) -> None:
    mock.add(httpx.Response(204))
    assert client.widgets.delete("w_1") is None
    assert mock.requests[0].method == "DELETE"


def test_lenient_parsing_keeps_data(client: Any, sdk: Any, mock: Mock) -> None:
    mock.add(
        json_response(
            200,
            {
                "id": "w_1",
                "size": "big",
                "kind": "triangle",
                "parts": [{"name": "a", "size": 1}],
                "new_field": {"x": 1},
            },
        )
    )
    widget = client.widgets.retrieve("w_1")
    assert isinstance(widget, __import__("acme_sdk.types", fromlist=["Widget"]).Widget)
    assert widget.id == "w_1" and widget.size == "big"  # kept as sent instead of raising
    assert widget.kind == "triangle"
    assert widget.parts[0].name == "a" and type(widget.parts[0]).__name__ == "Part"
    assert widget.new_field == {"x": 1}
    mock.add(json_response(200, {"size": 3}))
    partial = client.widgets.retrieve("w_1")
    assert partial.size == 3


def test_open_enum_validates(client: Any, mock: Mock) -> None:
    mock.add(json_response(200, {"id": "w_1", "kind": "hexagon", "extra": 1}))
    widget = client.widgets.retrieve("w_1")
    assert widget.kind == "hexagon" and widget.model_extra == {"extra": 1}


def test_strict_parsing_raises(sdk: Any, mock: Mock) -> None:
    client = sdk.Acme(api_key="k", strict=True, http_client=httpx.Client(transport=httpx.MockTransport(mock)))
    mock.add(json_response(200, {"id": "w_1", "size": "big"}))
    with pytest.raises(sdk.APIResponseValidationError) as info:
        client.widgets.retrieve("w_1")
    assert info.value.status_code == 200 and info.value.body == {"id": "w_1", "size": "big"}
    mock.add(json_response(200, {"id": "w_1", "kind": "anything"}))
    assert client.widgets.retrieve("w_1").kind == "anything"
