"""Issue #14, runtime parity: Retry-After beyond the cap, streamed responses, empty success bodies, error details,
omitted optional bodies, and what goes beyond the official SDK (one idempotency key, closed responses, redaction).

Every behaviour is pinned sync and async, with a fake clock and fake sleeps (no timing)."""

from __future__ import annotations

import email.utils
import logging
from pathlib import Path
from typing import Any, Optional, cast

import httpx
import pytest
from runtime_helpers import Chunks, Mock, Sleeps, json_response, run

WIDGET = {"id": "w_1", "status": "done"}
NOW = 1_700_000_000.0
KEY = "sk-secret-123"  # the key the conftest clients carry


def _retry_after(form: str, seconds: float) -> dict[str, str]:
    if form == "seconds":
        return {"retry-after": str(int(seconds))}
    if form == "ms":
        return {"retry-after-ms": str(int(seconds * 1000))}
    return {"retry-after": email.utils.formatdate(NOW + seconds, usegmt=True)}


def _call(c: Any, is_async: bool, fn: Any) -> Any:
    """Run ``fn(c)`` (a coroutine for the async client) and return its result."""
    if not is_async:
        return fn(c)

    async def main() -> Any:
        return await fn(c)

    return run(main)


@pytest.fixture(params=["sync", "async"])
def any_client(request: pytest.FixtureRequest, client: Any, aclient: Any) -> tuple[Any, bool]:
    is_async = request.param == "async"
    c = aclient if is_async else client
    c._time = lambda: NOW
    return c, is_async


# --- Retry-After: honoured up to max_retry_after, above it no retry ----------------------------------------------


@pytest.mark.parametrize("form", ["seconds", "ms", "date"])
def test_retry_after_up_to_the_cap_is_waited(
    any_client: tuple[Any, bool], mock: Mock, sleeps: Sleeps, form: str
) -> None:
    c, is_async = any_client
    # openai-python waits up to two minutes: 61 s and 120 s are waited as given
    mock.add(json_response(429, {}, _retry_after(form, 61)), json_response(429, {}, _retry_after(form, 120)))
    mock.add(json_response(200, WIDGET))
    widget = _call(c, is_async, lambda c: c.widgets.retrieve("w_1"))
    assert widget.id == "w_1"
    assert sleeps.calls == [61.0, 120.0]
    assert len(mock.requests) == 3


@pytest.mark.parametrize("form", ["seconds", "ms", "date"])
def test_retry_after_beyond_the_cap_raises_at_once(
    any_client: tuple[Any, bool], sdk: Any, mock: Mock, sleeps: Sleeps, form: str
) -> None:
    c, is_async = any_client
    mock.add(json_response(429, {"error": {"message": "slow down"}}, _retry_after(form, 121)))
    with pytest.raises(sdk.RateLimitError) as info:
        _call(c, is_async, lambda c: c.widgets.retrieve("w_1"))
    assert info.value.status_code == 429
    assert sleeps.calls == []
    assert len(mock.requests) == 1


@pytest.mark.parametrize("form", ["seconds", "ms", "date"])
def test_max_retry_after_is_a_client_option(
    any_client: tuple[Any, bool], sdk: Any, mock: Mock, sleeps: Sleeps, form: str
) -> None:
    c, is_async = any_client
    assert c.max_retry_after == sdk._base_client.DEFAULT_MAX_RETRY_AFTER == 120.0
    longer = c.with_options(max_retry_after=300)
    assert longer.max_retry_after == 300.0
    mock.add(json_response(503, {}, _retry_after(form, 240)), json_response(200, WIDGET))
    assert _call(longer, is_async, lambda c: c.widgets.retrieve("w_1")).id == "w_1"
    assert sleeps.calls == [240.0]
    shorter = c.with_options(max_retry_after=5)
    mock.add(json_response(503, {}, _retry_after(form, 6)))
    with pytest.raises(sdk.InternalServerError):
        _call(shorter, is_async, lambda c: c.widgets.retrieve("w_1"))
    assert sleeps.calls == [240.0]  # no second wait


@pytest.mark.parametrize(
    "headers", [{"retry-after": "inf"}, {"retry-after": "+Infinity"}, {"retry-after": "nan"}, {"retry-after-ms": "inf"}]
)
def test_retry_after_inf_or_nan_falls_back_to_backoff(
    any_client: tuple[Any, bool], mock: Mock, sleeps: Sleeps, headers: dict[str, str]
) -> None:
    """As openai-python: a non-finite value names no wait, so the retry backs off as if the header were absent."""
    c, is_async = any_client
    c._random = lambda: 0.0
    mock.add(json_response(503, {}, headers), json_response(200, WIDGET))
    assert _call(c, is_async, lambda c: c.widgets.retrieve("w_1")).id == "w_1"
    assert sleeps.calls == [0.5]


def test_retry_after_overflowing_number_is_beyond_the_cap(
    any_client: tuple[Any, bool], sdk: Any, mock: Mock, sleeps: Sleeps
) -> None:
    """A number too large for a float (not the literal ``inf``) is a very long wait: no retry, as openai-python."""
    c, is_async = any_client
    mock.add(json_response(429, {}, {"retry-after": "1" + "0" * 400}))
    with pytest.raises(sdk.RateLimitError):
        _call(c, is_async, lambda c: c.widgets.retrieve("w_1"))
    assert sleeps.calls == [] and len(mock.requests) == 1


def test_max_retry_after_in_the_constructor(sdk: Any) -> None:
    assert sdk.Acme(api_key=KEY, max_retry_after=10).max_retry_after == 10.0
    assert sdk.AsyncAcme(api_key=KEY, max_retry_after=0).max_retry_after == 0.0
    with pytest.raises(TypeError):
        sdk.Acme(api_key=KEY, max_retry_after=-1)


# --- empty success bodies -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [204, 200])
def test_empty_success_body_is_none_for_an_optional_type(
    any_client: tuple[Any, bool], sdk: Any, mock: Mock, status: int
) -> None:
    c, is_async = any_client
    mock.add(httpx.Response(status, content=b"", headers={"content-type": "application/json"}))
    optional = cast(Any, Optional[sdk.types.Widget])
    result = _call(c, is_async, lambda c: c.widgets._request("delete", "/widgets/w_1", cast_to=optional))
    assert result is None


@pytest.mark.parametrize("headers", [{}, {"content-type": "application/json"}])
def test_empty_success_body_for_a_required_type_returns_none(
    any_client: tuple[Any, bool], mock: Mock, headers: dict[str, str]
) -> None:
    """openai-python returns from a 204 with no body whatever the method's type: so does the default client."""
    c, is_async = any_client
    mock.add(httpx.Response(204, headers=headers), httpx.Response(200, content=b" ", headers=headers))
    assert _call(c, is_async, lambda c: c.widgets.retrieve("w_1")) is None
    assert _call(c, is_async, lambda c: c.widgets.retrieve("w_1")) is None


@pytest.mark.parametrize("is_async", [False, True])
def test_empty_success_body_for_a_required_type_is_a_clear_typed_error_when_strict(
    sdk: Any, mock: Mock, is_async: bool
) -> None:
    transport = httpx.MockTransport(mock)
    c = (
        sdk.AsyncAcme(api_key=KEY, strict=True, http_client=httpx.AsyncClient(transport=transport))
        if is_async
        else sdk.Acme(api_key=KEY, strict=True, http_client=httpx.Client(transport=transport))
    )
    mock.add(httpx.Response(204))
    with pytest.raises(sdk.APIResponseValidationError) as info:
        _call(c, is_async, lambda c: c.widgets.retrieve("w_1"))
    assert info.value.status_code == 204
    assert str(info.value) == "The API returned an empty body (HTTP 204) where Widget was expected."
    assert "pydantic" not in str(info.value) and info.value.__cause__ is None


def test_nonempty_body_on_an_optional_type_is_parsed(any_client: tuple[Any, bool], sdk: Any, mock: Mock) -> None:
    c, is_async = any_client
    mock.add(json_response(200, WIDGET))
    optional = cast(Any, Optional[sdk.types.Widget])
    result = _call(c, is_async, lambda c: c.widgets._request("get", "/widgets/w_1", cast_to=optional))
    assert isinstance(result, sdk.types.Widget)


# --- error details ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            {"error": {"code": "insufficient_quota", "type": "quota", "param": "model", "message": "No quota"}},
            ("insufficient_quota", "quota", "model", "No quota"),
        ),
        ({"code": "bad_id", "type": "invalid_request_error", "param": None, "message": "Top"}, ("bad_id", "invalid_request_error", None, "Top")),
        ({"error": {"code": 42, "message": "numeric"}}, ("42", None, None, "numeric")),
        ({"error": "plain text"}, (None, None, None, "plain text")),
        ("not json", (None, None, None, "not json")),
    ],
    ids=["nested", "top-level", "numeric-code", "error-string", "text"],
)
def test_status_error_details(
    any_client: tuple[Any, bool], sdk: Any, mock: Mock, body: Any, expected: tuple[Any, ...]
) -> None:
    c, is_async = any_client
    response = (
        httpx.Response(400, text=body, headers={"x-request-id": "req_9"})
        if isinstance(body, str)
        else json_response(400, body, {"x-request-id": "req_9"})
    )
    mock.add(response)
    with pytest.raises(sdk.BadRequestError) as info:
        _call(c, is_async, lambda c: c.widgets.retrieve("w_1"))
    err = info.value
    code, type_, param, message = expected
    assert (err.code, err.type, err.param) == (code, type_, param)
    assert err.message == f"Error code: 400 - {message}"
    assert err.body == body
    assert err.request_id == "req_9"
    assert err.status_code == 400


def test_status_error_never_shows_credentials(any_client: tuple[Any, bool], sdk: Any, mock: Mock) -> None:
    c, is_async = any_client
    c = c.with_options(default_headers={"X-Api-Key": "hdr-secret-777"})
    body = {"error": {"message": f"bad key {KEY} / hdr-secret-777", "code": KEY, "param": "hdr-secret-777"}}
    mock.add(json_response(401, body))
    with pytest.raises(sdk.AuthenticationError) as info:
        _call(c, is_async, lambda c: c.widgets.retrieve("w_1"))
    err = info.value
    for text in (str(err), repr(err), err.message, err.args, err.code, err.param):
        assert KEY not in str(text) and "hdr-secret-777" not in str(text)
    assert "<redacted>" in err.message
    assert err.body == body  # the body is the server's data, kept as sent


def test_logs_and_client_repr_never_show_credentials(
    client: Any, mock: Mock, caplog: pytest.LogCaptureFixture
) -> None:
    c = client.with_options(default_headers={"Authorization": "Bearer tok-abcdef-123"})
    mock.add(json_response(500, {"error": {"message": "echo tok-abcdef-123"}}), json_response(200, WIDGET))
    caplog.set_level(logging.DEBUG, logger="acme_sdk")
    c.widgets.retrieve("w_1", extra_query={"k": KEY})
    ours = [r.getMessage() for r in caplog.records if r.name.startswith("acme_sdk")]  # httpx's own logger is not ours
    text = "\n".join(ours) + repr(c) + str(c)
    assert "tok-abcdef-123" not in text and KEY not in text
    assert "Retrying request" in text and "Request:" in text


# --- omitted optional bodies are not sent -------------------------------------------------------------------------

BODY_KINDS = ["application/json", "application/x-www-form-urlencoded", "multipart/form-data", "application/octet-stream"]


@pytest.mark.parametrize("content_type", BODY_KINDS)
def test_omitted_whole_body_is_not_sent(
    any_client: tuple[Any, bool], sdk: Any, mock: Mock, content_type: str
) -> None:
    c, is_async = any_client
    mock.add(json_response(200, WIDGET))
    _call(
        c,
        is_async,
        lambda c: c.widgets._request("post", "/widgets", cast_to=object, body=sdk.NOT_GIVEN, content_type=content_type),
    )
    sent = mock.requests[0]
    assert sent.content == b""
    assert "content-type" not in sent.headers
    assert sent.headers.get("content-length") in (None, "0")


@pytest.mark.parametrize("content_type", BODY_KINDS[:3])
def test_optional_property_body_with_nothing_given_is_not_sent(
    any_client: tuple[Any, bool], sdk: Any, mock: Mock, content_type: str
) -> None:
    c, is_async = any_client
    mock.add(json_response(200, WIDGET), json_response(200, WIDGET), json_response(200, WIDGET))
    fields = {"name": sdk.NOT_GIVEN, "size": sdk.NOT_GIVEN}

    def send(c: Any, body: Any, required: bool) -> Any:
        return c.widgets._request(
            "post", "/widgets", cast_to=object, body=body, content_type=content_type, body_required=required
        )

    _call(c, is_async, lambda c: send(c, fields, False))
    assert mock.requests[-1].content == b"" and "content-type" not in mock.requests[-1].headers
    _call(c, is_async, lambda c: send(c, {**fields, "size": 3}, False))
    assert b"3" in mock.requests[-1].content
    _call(c, is_async, lambda c: send(c, fields, True))  # a required body is sent, even empty
    assert "content-type" in mock.requests[-1].headers
    if content_type == "application/json":
        assert mock.requests[-1].content == b"{}"


def test_omitted_body_with_extra_body_sends_the_extra_fields(any_client: tuple[Any, bool], sdk: Any, mock: Mock) -> None:
    c, is_async = any_client
    mock.add(json_response(200, WIDGET))
    _call(
        c,
        is_async,
        lambda c: c.widgets._request(
            "post",
            "/widgets",
            cast_to=object,
            body=sdk.NOT_GIVEN,
            content_type="application/json",
            options={"extra_json": {"x": 1}},
        ),
    )
    assert mock.requests[0].content == b'{"x":1}' or mock.requests[0].content == b'{"x": 1}'


# --- streamed responses: bytes, text, lines, files; network errors are ours ---------------------------------------


def _streamed(mock: Mock, chunks: list[bytes], error: BaseException | None = None) -> Chunks:
    class Failing(Chunks):
        def __iter__(self) -> Any:
            yield from super().__iter__()
            if error is not None:
                raise error

        async def __aiter__(self) -> Any:
            async for chunk in super().__aiter__():
                yield chunk
            if error is not None:
                raise error

    stream = Failing(chunks)
    mock.add(httpx.Response(200, stream=stream, headers={"content-type": "application/octet-stream"}))
    return stream


def test_streamed_download_to_file_in_chunks(client: Any, mock: Mock, tmp_path: Path) -> None:
    stream = _streamed(mock, [b"ab", b"cd", b"ef"])
    with client.widgets.with_streaming_response.download("w_1") as response:
        assert stream.pulled == []  # nothing read before asked
        response.stream_to_file(tmp_path / "out.bin", chunk_size=2)
    assert (tmp_path / "out.bin").read_bytes() == b"abcdef"
    assert stream.closed or response.is_closed


def test_streamed_response_iterators(client: Any, mock: Mock, tmp_path: Path) -> None:
    _streamed(mock, [b"one\ntw", b"o\nthree"])
    with client.widgets.with_streaming_response.download("w_1") as response:
        assert list(response.iter_lines()) == ["one", "two", "three"]
    _streamed(mock, [b"x", b"y"])
    with client.widgets.with_streaming_response.download("w_1") as response:
        assert "".join(response.iter_text()) == "xy"
    _streamed(mock, [b"x", b"y"])
    with client.widgets.with_streaming_response.download("w_1") as response:
        response.write_to_file(tmp_path / "w.bin")
    assert (tmp_path / "w.bin").read_bytes() == b"xy"


def test_async_streamed_response_iterators_and_file(aclient: Any, mock: Mock, tmp_path: Path) -> None:
    async def main() -> None:
        _streamed(mock, [b"ab", b"cd"])
        async with aclient.widgets.with_streaming_response.download("w_1") as response:
            await response.stream_to_file(tmp_path / "a.bin")
        assert (tmp_path / "a.bin").read_bytes() == b"abcd"
        _streamed(mock, [b"l1\nl", b"2\n"])
        async with aclient.widgets.with_streaming_response.download("w_1") as response:
            assert [line async for line in response.aiter_lines()] == ["l1", "l2"]
        _streamed(mock, [b"a", b"b"])
        async with aclient.widgets.with_streaming_response.download("w_1") as response:
            assert [chunk async for chunk in response.aiter_bytes()] == [b"a", b"b"]
        _streamed(mock, [b"a", b"b"])
        async with aclient.widgets.with_streaming_response.download("w_1") as response:
            assert "".join([text async for text in response.aiter_text()]) == "ab"
        _streamed(mock, [b"a", b"b"])
        async with aclient.widgets.with_streaming_response.download("w_1") as response:
            await response.write_to_file(tmp_path / "w.bin")
        assert (tmp_path / "w.bin").read_bytes() == b"ab"

    run(main)


@pytest.mark.parametrize(
    ("error", "expected"),
    [(httpx.RemoteProtocolError("peer closed"), "APIConnectionError"), (httpx.ReadTimeout("slow"), "APITimeoutError")],
)
def test_network_error_mid_body_is_ours(
    client: Any, aclient: Any, sdk: Any, mock: Mock, tmp_path: Path, error: Exception, expected: str
) -> None:
    _streamed(mock, [b"ab"], error)
    with client.widgets.with_streaming_response.download("w_1") as response:
        with pytest.raises(getattr(sdk, expected)) as info:
            response.stream_to_file(tmp_path / "s.bin")
    assert type(info.value).__name__ == expected
    assert response.is_closed

    async def main() -> None:
        _streamed(mock, [b"ab"], error)
        async with aclient.widgets.with_streaming_response.download("w_1") as response:
            with pytest.raises(getattr(sdk, expected)):
                async for _ in response.aiter_bytes():
                    pass
            assert response.is_closed

    run(main)


def test_file_errors_stay_file_errors(client: Any, mock: Mock, tmp_path: Path) -> None:
    _streamed(mock, [b"ab"])
    with client.widgets.with_streaming_response.download("w_1") as response:
        with pytest.raises(OSError):
            response.stream_to_file(tmp_path / "missing-dir" / "x.bin")


# --- beyond the official SDK: one idempotency key, responses closed on every path ---------------------------------


def test_retried_post_reuses_one_idempotency_key(any_client: tuple[Any, bool], mock: Mock) -> None:
    c, is_async = any_client
    mock.add(httpx.ConnectError("down"), json_response(500, {}), json_response(200, WIDGET))
    _call(c, is_async, lambda c: c.widgets.create(name="w"))
    keys = {r.headers["idempotency-key"] for r in mock.requests}
    assert len(mock.requests) == 3 and len(keys) == 1


def test_responses_closed_on_retry_and_error_paths(any_client: tuple[Any, bool], sdk: Any, mock: Mock) -> None:
    c, is_async = any_client
    streams = [Chunks([b'{"error": {"message": "x"}}']) for _ in range(3)]
    mock.add(
        httpx.Response(500, stream=streams[0], headers={"content-type": "application/json"}),
        httpx.Response(429, stream=streams[1], headers={"content-type": "application/json", "retry-after": "999"}),
    )
    with pytest.raises(sdk.RateLimitError):
        _call(c, is_async, lambda c: c.widgets.retrieve("w_1"))
    assert streams[0].closed and streams[1].closed
    mock.add(httpx.Response(404, stream=streams[2], headers={"content-type": "application/json"}))
    with pytest.raises(sdk.NotFoundError):
        _call(c, is_async, lambda c: c.widgets.retrieve("w_1"))
    assert streams[2].closed
