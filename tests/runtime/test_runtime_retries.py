from __future__ import annotations

import email.utils
from typing import Any

import httpx
import pytest
from runtime_helpers import Mock, Sleeps, json_response, run

WIDGET = {"id": "w_1", "status": "done"}


@pytest.mark.parametrize("status", [500, 503, 408, 409, 429])
def test_retries_retryable_statuses(client: Any, mock: Mock, sleeps: Sleeps, status: int) -> None:
    mock.add(json_response(status, {}), json_response(status, {}), json_response(200, WIDGET))
    widget = client.widgets.retrieve("w_1")
    assert widget.id == "w_1"
    assert len(mock.requests) == 3
    assert sleeps.calls == [0.5, 1.0]


def test_gives_up_after_max_retries(client: Any, sdk: Any, mock: Mock, sleeps: Sleeps) -> None:
    mock.add(*[json_response(500, {"error": {"message": "boom"}}) for _ in range(3)])
    with pytest.raises(sdk.InternalServerError) as info:
        client.widgets.retrieve("w_1")
    assert info.value.status_code == 500
    assert len(mock.requests) == 3
    assert sleeps.calls == [0.5, 1.0]


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
def test_no_retry_on_client_errors(client: Any, sdk: Any, mock: Mock, sleeps: Sleeps, status: int) -> None:
    mock.add(json_response(status, {"error": {"message": "nope"}}))
    with pytest.raises(sdk.APIStatusError):
        client.widgets.retrieve("w_1")
    assert len(mock.requests) == 1
    assert sleeps.calls == []


def test_backoff_doubles_and_caps_with_jitter(client: Any, mock: Mock, sleeps: Sleeps) -> None:
    mock.add(*[json_response(500, {}) for _ in range(6)], json_response(200, WIDGET))
    client._random = lambda: 1.0  # maximum jitter: 25 % shorter
    client.with_options(max_retries=6).widgets.retrieve("w_1")
    assert sleeps.calls == [0.375, 0.75, 1.5, 3.0, 6.0, 6.0]
    assert len(mock.requests) == 7


def test_retry_after_seconds(client: Any, mock: Mock, sleeps: Sleeps) -> None:
    mock.add(json_response(429, {}, {"retry-after": "3"}), json_response(200, WIDGET))
    client.widgets.retrieve("w_1")
    assert sleeps.calls == [3.0]


def test_retry_after_ms(client: Any, mock: Mock, sleeps: Sleeps) -> None:
    mock.add(
        json_response(429, {}, {"retry-after-ms": "1500", "retry-after": "9"}),
        json_response(200, WIDGET),
    )
    client.widgets.retrieve("w_1")
    assert sleeps.calls == [1.5]


def test_retry_after_http_date(client: Any, mock: Mock, sleeps: Sleeps) -> None:
    now = 1_700_000_000.0
    client._time = lambda: now
    date = email.utils.formatdate(now + 20, usegmt=True)
    mock.add(json_response(429, {}, {"retry-after": date}), json_response(200, WIDGET))
    client.widgets.retrieve("w_1")
    assert sleeps.calls == [20.0]


@pytest.mark.parametrize("value", ["0", "-5", "soon"])  # above max_retry_after: test_runtime_parity.py
def test_retry_after_out_of_range_uses_backoff(client: Any, mock: Mock, sleeps: Sleeps, value: str) -> None:
    mock.add(json_response(429, {}, {"retry-after": value}), json_response(200, WIDGET))
    client.widgets.retrieve("w_1")
    assert sleeps.calls == [0.5]


def test_x_should_retry_header(client: Any, sdk: Any, mock: Mock, sleeps: Sleeps) -> None:
    mock.add(json_response(400, {}, {"x-should-retry": "true"}), json_response(200, WIDGET))
    client.widgets.retrieve("w_1")
    assert len(mock.requests) == 2
    mock.requests.clear()
    mock.add(json_response(503, {}, {"x-should-retry": "false"}))
    with pytest.raises(sdk.InternalServerError):
        client.widgets.retrieve("w_1")
    assert len(mock.requests) == 1


def test_max_retries_on_client_and_with_options(sdk: Any, mock: Mock, sleeps: Sleeps) -> None:
    c = sdk.Acme(api_key="k", max_retries=0, http_client=httpx.Client(transport=httpx.MockTransport(mock)))
    c._sleep = sleeps
    mock.add(json_response(500, {}))
    with pytest.raises(sdk.InternalServerError):
        c.widgets.retrieve("w_1")
    assert len(mock.requests) == 1
    mock.requests.clear()
    c5 = c.with_options(max_retries=5)
    assert c5.max_retries == 5 and c.max_retries == 0
    assert c5._client is c._client
    mock.add(*[json_response(500, {}) for _ in range(6)])
    with pytest.raises(sdk.InternalServerError):
        c5.widgets.retrieve("w_1")
    assert len(mock.requests) == 6


def test_idempotency_key_reused_across_retries(client: Any, mock: Mock) -> None:
    mock.add(json_response(500, {}), json_response(502, {}), json_response(200, WIDGET))
    client.widgets.create(name="a")
    keys = {r.headers["idempotency-key"] for r in mock.requests}
    assert len(keys) == 1 and next(iter(keys))
    mock.requests.clear()
    mock.add(json_response(200, WIDGET))
    client.widgets.create(name="b")
    assert mock.requests[0].headers["idempotency-key"] not in keys
    mock.add(json_response(200, WIDGET))
    client.widgets.retrieve("w_1")
    assert "idempotency-key" not in mock.requests[-1].headers


def test_timeout_error_after_retries(client: Any, sdk: Any, mock: Mock, sleeps: Sleeps) -> None:
    mock.add(*[httpx.ReadTimeout("slow") for _ in range(3)])
    with pytest.raises(sdk.APITimeoutError) as info:
        client.widgets.retrieve("w_1")
    assert isinstance(info.value, sdk.APIConnectionError)
    assert isinstance(info.value, sdk.AcmeError)
    assert len(mock.requests) == 3
    assert sleeps.calls == [0.5, 1.0]


def test_connection_error_after_retries(client: Any, sdk: Any, mock: Mock, sleeps: Sleeps) -> None:
    mock.add(*[httpx.ConnectError("refused") for _ in range(3)])
    with pytest.raises(sdk.APIConnectionError) as info:
        client.widgets.retrieve("w_1")
    assert not isinstance(info.value, sdk.APITimeoutError)
    assert len(mock.requests) == 3


def test_connection_error_then_success(client: Any, mock: Mock, sleeps: Sleeps) -> None:
    mock.add(httpx.ConnectError("refused"), json_response(200, WIDGET))
    assert client.widgets.retrieve("w_1").id == "w_1"
    assert sleeps.calls == [0.5]


def test_async_retries(aclient: Any, sdk: Any, mock: Mock, sleeps: Sleeps) -> None:
    async def main() -> None:
        mock.add(json_response(503, {}), httpx.ConnectError("x"), json_response(200, WIDGET))
        widget = await aclient.widgets.create(name="a")
        assert widget.id == "w_1"
        assert sleeps.calls == [0.5, 1.0]
        assert len({r.headers["idempotency-key"] for r in mock.requests}) == 1
        mock.add(*[httpx.ReadTimeout("slow") for _ in range(3)])
        with pytest.raises(sdk.APITimeoutError):
            await aclient.widgets.retrieve("w_1")
        await aclient.close()

    run(main)
