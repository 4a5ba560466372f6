"""The generated videos SDK against the bar set by the official OpenAI SDK: call forms, pagination, polling,
uploads and downloads, all through the generated `client.videos` (the runtime itself is tested in tests/runtime/)."""

from __future__ import annotations

import inspect
import json
import warnings
from pathlib import Path
from typing import Any, get_args

import httpx
import pytest

from openai_videos import AsyncOpenAIVideos, OpenAIVideos
from openai_videos.types import Video

VIDEO: dict[str, Any] = {
    "id": "video_456",
    "object": "video",
    "model": "sora-2",
    "status": "queued",
    "progress": 0,
    "created_at": 1712698600,
    "size": "720x1280",
    "seconds": "8",
    "remixed_from_video_id": "video_123",
}

# The official SDK's call forms: positional video_id where the path has one, every other argument keyword-only.
OFFICIAL_CALL_FORMS = {
    "create": ([], {"prompt", "input_reference", "model", "seconds", "size"}),
    "list": ([], {"after", "limit", "order"}),
    "retrieve": (["video_id"], set()),
    "delete": (["video_id"], set()),
    "download_content": (["video_id"], {"variant"}),
    "remix": (["video_id"], {"prompt"}),
    "extend": ([], {"video", "prompt", "seconds"}),
    "poll": (["video_id"], {"poll_interval_ms"}),
    "create_and_poll": ([], {"prompt", "input_reference", "model", "seconds", "size", "poll_interval_ms"}),
}
PER_CALL_OPTIONS = {"extra_headers", "extra_query", "extra_body", "timeout"}


@pytest.mark.parametrize("client_class", [OpenAIVideos, AsyncOpenAIVideos])
@pytest.mark.parametrize("method", sorted(OFFICIAL_CALL_FORMS))
def test_call_forms_match_the_official_sdk(client_class: type, method: str) -> None:
    client = client_class(api_key="sk-test")
    signature = inspect.signature(getattr(client.videos, method))
    positional = [p.name for p in signature.parameters.values() if p.kind is p.POSITIONAL_OR_KEYWORD]
    keyword_only = {p.name for p in signature.parameters.values() if p.kind is p.KEYWORD_ONLY}
    expected_positional, expected_keywords = OFFICIAL_CALL_FORMS[method]
    assert positional == expected_positional
    assert keyword_only == expected_keywords | PER_CALL_OPTIONS


def client_for(handler: Any, **kwargs: Any) -> OpenAIVideos:
    return OpenAIVideos(
        api_key="sk-test", base_url="http://sdk.test/v1", http_client=httpx.Client(transport=httpx.MockTransport(handler)), **kwargs
    )


def test_list_iterates_every_video_across_three_pages() -> None:
    pages = {
        None: (["v1", "v2"], True),
        "v2": (["v3", "v4"], True),
        "v4": (["v5"], False),
    }
    cursors: list[str | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        after = request.url.params.get("after")
        cursors.append(after)
        ids, more = pages[after]
        data = [{**VIDEO, "id": i} for i in ids]
        return httpx.Response(200, json={"object": "list", "data": data, "first_id": ids[0], "last_id": ids[-1], "has_more": more})

    client = client_for(handler)
    assert [v.id for v in client.videos.list(limit=2)] == ["v1", "v2", "v3", "v4", "v5"]
    assert cursors == [None, "v2", "v4"]
    first = client.videos.list(limit=2)
    assert first.has_next_page()
    assert [v.id for v in first.get_next_page().data] == ["v3", "v4"]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.anyio
async def test_async_list_iterates_across_pages() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        after = request.url.params.get("after")
        ids, more = (["a", "b"], True) if after is None else (["c"], False)
        return httpx.Response(200, json={"object": "list", "data": [{**VIDEO, "id": i} for i in ids], "first_id": None, "last_id": None, "has_more": more})

    client = AsyncOpenAIVideos(api_key="sk-test", base_url="http://sdk.test/v1", http_client=httpx.AsyncClient(transport=httpx.MockTransport(handler)))
    assert [v.id async for v in client.videos.list()] == ["a", "b", "c"]


def test_create_and_poll_waits_for_completion_honouring_the_interval_header() -> None:
    statuses = iter(["in_progress", "in_progress", "completed"])
    requests: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        if request.method == "POST":
            return httpx.Response(200, json=VIDEO)
        return httpx.Response(200, json={**VIDEO, "status": next(statuses)}, headers={"openai-poll-after-ms": "250"})

    client = client_for(handler)
    slept: list[float] = []
    client._sleep = slept.append  # type: ignore[method-assign]
    video = client.videos.create_and_poll(prompt="a cat", input_reference=("cat.png", b"\x89PNG", "image/png"))
    assert isinstance(video, Video) and video.status == "completed"
    assert [r.method for r in requests] == ["POST", "GET", "GET", "GET"]
    assert slept == [0.25, 0.25]
    assert b'filename="cat.png"' in requests[0].content and b"\x89PNG" in requests[0].content


@pytest.mark.parametrize("upload_kind", ["path", "bytes", "file", "tuple"])
def test_create_uploads_from_every_form(tmp_path: Path, upload_kind: str) -> None:
    image = tmp_path / "ref.png"
    image.write_bytes(b"\x89PNG-image-bytes")
    uploads: dict[str, Any] = {
        "path": image,
        "bytes": b"\x89PNG-image-bytes",
        "file": image.open("rb"),
        "tuple": ("ref.png", b"\x89PNG-image-bytes", "image/png"),
    }
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=VIDEO)

    client_for(handler).videos.create(prompt="a cat", size="720x1280", input_reference=uploads[upload_kind])
    body = seen[0].content
    assert seen[0].headers["content-type"].startswith("multipart/form-data; boundary=")
    assert b'name="input_reference"' in body and b"\x89PNG-image-bytes" in body
    assert b'name="prompt"' in body and b'name="size"' in body
    assert b'name="model"' not in body  # omitted arguments are not sent


def test_download_content_streams_without_reading_the_body_first(tmp_path: Path) -> None:
    chunks = [b"x" * 65536 for _ in range(16)]

    class CountingStream(httpx.SyncByteStream):
        served = 0

        def __iter__(self) -> Any:
            for chunk in chunks:
                CountingStream.served += 1
                yield chunk

    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.params["variant"] == "thumbnail"
        return httpx.Response(200, stream=CountingStream(), headers={"content-type": "image/webp"})

    client = client_for(handler)
    with client.videos.with_streaming_response.download_content("video_123", variant="thumbnail") as response:
        assert CountingStream.served == 0  # nothing read yet
        with (tmp_path / "thumb.webp").open("wb") as out:
            for chunk in response.iter_bytes():
                assert CountingStream.served <= 2  # one chunk at a time, never the whole body
                out.write(chunk)
                CountingStream.served = 0
    assert (tmp_path / "thumb.webp").stat().st_size == 16 * 65536
    content = client.videos.download_content("video_123", variant="thumbnail")
    content.write_to_file(tmp_path / "again.webp")
    assert content.read() == b"".join(chunks)


def test_raw_response_gives_status_headers_and_parsed_model() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=VIDEO, headers={"x-request-id": "req_1"})

    raw = client_for(handler).videos.with_raw_response.remix("video_123", prompt="bow")
    assert raw.status_code == 200 and raw.headers["x-request-id"] == "req_1" and raw.request_id == "req_1"
    assert raw.parse().remixed_from_video_id == "video_123"


def test_omitted_optional_arguments_are_not_sent_but_none_is() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"object": "list", "data": [], "first_id": None, "last_id": None, "has_more": False})

    client_for(handler).videos.list(limit=5)
    assert dict(seen[0].url.params) == {"limit": "5"}
    client_for(handler).videos.remix("v", prompt="p", extra_body={"seed": None})
    assert json.loads(seen[-1].content) == {"prompt": "p", "seed": None}


def test_remix_is_current() -> None:
    """The reference presents remix as a current method: no DeprecationWarning, no ``__deprecated__`` marker."""

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=VIDEO)

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        video = client_for(handler).videos.remix("video_123", prompt="bow")
    assert video.id == "video_456"
    assert getattr(OpenAIVideos(api_key="k").videos.remix, "__deprecated__", None) is None


# The reference lists all 13 Video fields as present; openai-python types the five nullable ones
# ``Optional[...] = None`` (a response that leaves one out still parses), the others as plain required fields.
NULLABLE_VIDEO_FIELDS = {"completed_at", "error", "expires_at", "prompt", "remixed_from_video_id"}


def test_video_fields_as_openai_python_types_them() -> None:
    fields = Video.model_fields
    assert len(fields) == 13
    for name, field in fields.items():
        nullable = name in NULLABLE_VIDEO_FIELDS
        assert (type(None) in get_args(field.annotation)) is nullable, name
        assert field.is_required() is not nullable, name
        if nullable:
            assert field.default is None, name
    video = Video.model_validate(VIDEO)
    assert (video.completed_at, video.error, video.expires_at, video.prompt) == (None, None, None, None)
