from __future__ import annotations

import base64
import sys
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from runtime_helpers import Mock, json_response, run

WIDGET = {"id": "w_1"}


def _client(sdk: Any, mock: Mock, **kwargs: Any) -> Any:
    return sdk.Acme(http_client=httpx.Client(transport=httpx.MockTransport(mock)), **kwargs)


def test_api_key_from_env(sdk: Any, mock: Mock, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACME_API_KEY", "env-key")
    client = _client(sdk, mock)
    mock.add(json_response(200, WIDGET))
    client.widgets.retrieve("w_1")
    assert mock.requests[0].headers["authorization"] == "Bearer env-key"
    assert _client(sdk, mock, api_key="arg-key").api_key == "arg-key"


def test_missing_key_names_env_var(sdk: Any) -> None:
    with pytest.raises(sdk.AcmeError, match="ACME_API_KEY"):
        sdk.Acme()
    with pytest.raises(sdk.AcmeError, match="ACME_API_KEY"):
        sdk.AsyncAcme()


def test_optional_key(sdk_loader: Callable[..., Any], mock: Mock) -> None:
    mod = sdk_loader("acme_optional", required=False)
    client = mod.Acme(http_client=httpx.Client(transport=httpx.MockTransport(mock)))
    mock.add(json_response(200, WIDGET))
    client.widgets.retrieve("w_1")
    assert "authorization" not in mock.requests[0].headers


def test_base_url_precedence(sdk: Any, mock: Mock, monkeypatch: pytest.MonkeyPatch) -> None:
    assert sdk.Acme(api_key="k").base_url == "https://api.acme.test/v1"
    monkeypatch.setenv("ACME_BASE_URL", "http://localhost:4010/")
    client = _client(sdk, mock, api_key="k")
    assert client.base_url == "http://localhost:4010"
    mock.add(json_response(200, WIDGET))
    client.widgets.retrieve("w_1")
    assert str(mock.requests[0].url) == "http://localhost:4010/widgets/w_1"
    assert sdk.Acme(api_key="k", base_url="https://x.test/api").base_url == "https://x.test/api"


@pytest.mark.parametrize(
    "kind,name,check",
    [
        ("bearer", "", lambda r: r.headers["authorization"] == "Bearer sk-1"),
        ("header", "X-Api-Key", lambda r: r.headers["x-api-key"] == "sk-1" and "authorization" not in r.headers),
        ("query", "api_key", lambda r: r.url.params["api_key"] == "sk-1" and "authorization" not in r.headers),
        ("cookie", "session", lambda r: r.headers["cookie"] == "session=sk-1" and "authorization" not in r.headers),
        (
            "basic",
            "",
            lambda r: r.headers["authorization"] == "Basic " + base64.b64encode(b"u:sk-1").decode(),
        ),
        ("none", "", lambda r: "authorization" not in r.headers and "api_key" not in r.url.params),
    ],
)
def test_auth_kinds(
    sdk_loader: Callable[..., Any], mock: Mock, kind: str, name: str, check: Callable[[httpx.Request], bool]
) -> None:
    mod = sdk_loader(f"acme_auth_{kind}", kind=kind, name=name)
    # basic takes a user name and a password
    credentials = {"username": "u", "password": "sk-1"} if kind == "basic" else {"api_key": "sk-1"}
    client = mod.Acme(**credentials, http_client=httpx.Client(transport=httpx.MockTransport(mock)))
    mock.add(json_response(200, WIDGET))
    client.widgets.retrieve("w_1")
    assert check(mock.requests[0])


def test_user_agent_and_default_headers_query(sdk: Any, mock: Mock) -> None:
    client = _client(sdk, mock, api_key="k", default_headers={"X-Team": "t1"}, default_query={"region": "eu"})
    mock.add(json_response(200, WIDGET))
    client.widgets.retrieve("w_1", extra_headers={"X-Team": "t2"}, extra_query={"debug": True})
    req = mock.requests[0]
    assert req.headers["user-agent"] == "acme-sdk/Python 1.2.3"
    assert req.headers["x-team"] == "t2"
    assert req.url.params["region"] == "eu" and req.url.params["debug"] == "true"
    assert req.headers["accept"] == "application/json"


def test_omit_removes_default_header(sdk: Any, mock: Mock) -> None:
    client = _client(sdk, mock, api_key="k", default_headers={"X-Team": "t1"})
    mock.add(json_response(200, WIDGET))
    client.widgets.retrieve("w_1", extra_headers={"X-Team": sdk.Omit()})
    assert "x-team" not in mock.requests[0].headers


def test_repr_hides_key(sdk: Any) -> None:
    client = sdk.Acme(api_key="sk-secret-123")
    assert "sk-secret-123" not in repr(client)
    assert "sk-secret-123" not in repr(client.with_options(timeout=3))
    assert "sk-secret-123" not in str(client)
    client.close()


def test_with_options_shares_http_client_and_context_manager(sdk: Any, mock: Mock) -> None:
    http = httpx.Client(transport=httpx.MockTransport(mock))
    with sdk.Acme(api_key="k", http_client=http) as client:
        copy = client.with_options(timeout=5.0, default_headers={"X-A": "1"})
        assert copy._client is http and copy.timeout == 5.0 and copy.api_key == "k"
        assert client.copy(api_key="other").api_key == "other"
        with copy:
            pass
        assert not http.is_closed  # a copy leaves the shared pool open
    assert http.is_closed


def test_async_context_manager(sdk: Any, mock: Mock) -> None:
    async def main() -> None:
        http = httpx.AsyncClient(transport=httpx.MockTransport(mock))
        async with sdk.AsyncAcme(api_key="k", http_client=http) as client:
            assert client.with_options(max_retries=1)._client is http
            mock.add(json_response(200, WIDGET))
            assert (await client.widgets.retrieve("w_1")).id == "w_1"
        assert http.is_closed

    run(main)


def test_resources_are_lazy_and_cached(sdk_loader: Callable[..., Any]) -> None:
    mod = sdk_loader("acme_lazy")
    assert "acme_lazy.resources.widgets" not in sys.modules
    client = mod.Acme(api_key="k")
    widgets = client.widgets
    assert "acme_lazy.resources.widgets" in sys.modules
    assert client.widgets is widgets and widgets._client is client
    assert type(mod.AsyncAcme(api_key="k").widgets).__name__ == "AsyncWidgets"


def test_sync_only_and_async_only(sdk_loader: Callable[..., Any]) -> None:
    sync_only = sdk_loader("acme_sync_only", async_=False)
    assert hasattr(sync_only._client, "Acme") and not hasattr(sync_only._client, "AsyncAcme")
    async_only = sdk_loader("acme_async_only", sync=False)
    assert hasattr(async_only._client, "AsyncAcme") and not hasattr(async_only._client, "Acme")


def test_http_client_duck_typed(sdk: Any) -> None:
    """Any object with httpx's build_request / send / close works (e.g. a client from an httpx fork)."""

    class Fake:
        is_closed = False

        def __init__(self) -> None:
            self.sent: list[Any] = []

        def build_request(self, method: str, url: str, **kwargs: Any) -> Any:
            return httpx.Request(
                method, url, params=kwargs.get("params"), headers=kwargs.get("headers"), content=kwargs.get("content")
            )

        def send(self, request: Any, *, stream: bool = False) -> Any:
            self.sent.append(request)
            return httpx.Response(200, json=WIDGET, request=request)

        def close(self) -> None:
            self.is_closed = True

    fake = Fake()
    client = sdk.Acme(api_key="k", http_client=fake)
    assert client.widgets.retrieve("w_1").id == "w_1"
    client.close()
    assert fake.is_closed and len(fake.sent) == 1
