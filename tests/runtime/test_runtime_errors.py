from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest
from runtime_helpers import Mock, json_response

SECRET = "sk-secret-123"


@pytest.mark.parametrize(
    "status,cls",
    [
        (400, "BadRequestError"),
        (401, "AuthenticationError"),
        (403, "PermissionDeniedError"),
        (404, "NotFoundError"),
        (409, "ConflictError"),
        (422, "UnprocessableEntityError"),
        (429, "RateLimitError"),
        (500, "InternalServerError"),
        (502, "InternalServerError"),
        (418, "APIStatusError"),
    ],
)
def test_error_class_per_status(client: Any, sdk: Any, mock: Mock, status: int, cls: str) -> None:
    body = {"error": {"message": f"bad thing {status}", "type": "x"}}
    mock.handler = lambda request: json_response(status, body, {"x-request-id": "req_42"})
    with pytest.raises(sdk.APIStatusError) as info:
        client.with_options(max_retries=0).widgets.retrieve("w_1")
    err = info.value
    assert type(err).__name__ == cls
    assert isinstance(err, sdk.APIError) and isinstance(err, sdk.AcmeError)
    assert err.status_code == status
    assert err.body == body
    assert err.request_id == "req_42"
    assert err.response.status_code == status
    assert str(status) in str(err) and f"bad thing {status}" in str(err)


def test_text_error_body(client: Any, sdk: Any, mock: Mock) -> None:
    mock.add(httpx.Response(404, text="no such widget"))
    with pytest.raises(sdk.NotFoundError) as info:
        client.widgets.retrieve("w_1")
    assert info.value.body == "no such widget"
    assert "no such widget" in info.value.message


def test_key_never_in_error_messages(client: Any, sdk: Any, mock: Mock) -> None:
    mock.add(json_response(401, {"error": {"message": f"Incorrect API key provided: {SECRET}"}}))
    with pytest.raises(sdk.AuthenticationError) as info:
        client.widgets.retrieve("w_1")
    assert SECRET not in str(info.value) and SECRET not in repr(info.value)
    mock.add(*[httpx.ConnectError(f"failed for {SECRET}") for _ in range(3)])
    with pytest.raises(sdk.APIConnectionError) as info2:
        client.widgets.retrieve("w_1")
    assert SECRET not in str(info2.value)


def test_key_redacted_in_debug_logs(client: Any, mock: Mock, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="acme_sdk")
    mock.add(json_response(500, {}), json_response(200, {"id": "w_1"}))
    client.widgets.create(name="n")
    text = caplog.text
    assert "HTTP Request: POST https://api.acme.test/v1/widgets" in text
    assert "Retrying request" in text
    assert "<redacted>" in text
    assert SECRET not in text


def test_query_key_redacted_in_logs(sdk_loader: Any, mock: Mock, caplog: pytest.LogCaptureFixture) -> None:
    mod = sdk_loader("acme_auth_query", kind="query", name="api_key")
    client = mod.Acme(api_key=SECRET, http_client=httpx.Client(transport=httpx.MockTransport(mock)))
    caplog.set_level(logging.DEBUG, logger="acme_auth_query")
    mock.add(json_response(200, {"id": "w_1"}))
    client.widgets.retrieve("w_1")
    assert mock.requests[0].url.params["api_key"] == SECRET
    assert "HTTP Request" in caplog.text and SECRET not in caplog.text


def test_log_env_enables_logger(sdk_loader: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACME_LOG", "debug")
    mod = sdk_loader("acme_logenv")
    mod.Acme(api_key="k")
    assert logging.getLogger("acme_logenv").level == logging.DEBUG
    logging.getLogger("acme_logenv").handlers.clear()
