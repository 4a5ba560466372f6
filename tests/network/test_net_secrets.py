"""The API key never leaks (repr, debug logs, exception messages) and TLS is verified unless the caller opts out."""

from __future__ import annotations

import asyncio
import logging
import shutil
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import openai_videos
import pytest
from net_server import SECRET, VIDEO, LocalServer, Reply, Request, Reset


def _no_secret(*texts: object) -> None:
    for text in texts:
        assert SECRET not in str(text)


def test_repr_hides_the_key(server: LocalServer, client: Any, make_async_client: Any) -> None:
    aclient = make_async_client()
    _no_secret(repr(client), str(client), repr(aclient), repr(client.with_options(max_retries=0)), repr(client.videos))


def test_debug_logs_and_errors_never_show_the_key(
    server: LocalServer, client: Any, caplog: pytest.LogCaptureFixture
) -> None:
    def echo(request: Request) -> Any:
        # a hostile (or careless) server echoing the credentials back in headers and error bodies
        auth = request.headers.get("authorization", "")
        if len(server.requests) == 1:
            return Reply.json({"error": {"message": f"retry {auth}"}}, status=500, headers={"x-echo": auth})
        if len(server.requests) == 2:
            return Reset()
        return Reply.json(
            {"error": {"message": f"invalid key {auth}", "key": auth}},
            status=401,
            headers={"x-echo": auth, "www-authenticate": auth},
        )

    server.handler = echo
    caplog.set_level(logging.DEBUG, logger="openai_videos")
    with pytest.raises(openai_videos.AuthenticationError) as info:
        client.videos.remix("video_123", prompt="x", extra_query={"debug": SECRET})
    assert server.requests[0].headers["authorization"] == f"Bearer {SECRET}"  # it was sent...
    assert any("Request:" in r.getMessage() for r in caplog.records)  # debug logs were on...
    err = info.value
    _no_secret(caplog.text, *(r.getMessage() for r in caplog.records))  # ...but never shown
    _no_secret(str(err), repr(err), err.message, err.args)
    assert "invalid key" in str(err)


def test_connection_error_text_hides_the_key(
    server: LocalServer, client: Any, caplog: pytest.LogCaptureFixture
) -> None:
    server.handler = lambda request: Reset()
    caplog.set_level(logging.DEBUG, logger="openai_videos")
    with pytest.raises(openai_videos.APIConnectionError) as info:
        client.videos.retrieve("video_123", extra_query={"k": SECRET})
    err = info.value
    _no_secret(str(err), repr(err), err.args, caplog.text)


def test_timeout_error_text_hides_the_key(server: LocalServer, make_async_client: Any) -> None:
    from net_server import Stall

    server.handler = lambda request: Stall(seconds=5)

    async def main() -> BaseException:
        async with make_async_client(max_retries=0, timeout=0.2) as c:
            with pytest.raises(openai_videos.APITimeoutError) as info:
                await c.videos.retrieve("video_123")
            return info.value

    err = asyncio.run(main())
    _no_secret(str(err), repr(err), err.args)


# --- TLS ---------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServer]:
    if shutil.which("openssl") is None:
        pytest.skip("the openssl CLI is needed to make a self-signed certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(cert), str(key))
    srv = LocalServer(ssl_context=context)
    srv.handler = lambda request: Reply.json(VIDEO)
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


def test_tls_is_verified_by_default(tls_server: LocalServer) -> None:
    with openai_videos.OpenAIVideos(api_key=SECRET, base_url=tls_server.url + "/v1", max_retries=0) as c:
        with pytest.raises(openai_videos.APIConnectionError) as info:
            c.videos.retrieve("video_123")
        assert isinstance(info.value.__cause__, httpx.ConnectError)
        assert "CERTIFICATE_VERIFY_FAILED" in str(info.value.__cause__)
        context: ssl.SSLContext = c._client._transport._pool._ssl_context  # type: ignore[attr-defined]
        assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


def test_async_tls_is_verified_by_default(tls_server: LocalServer) -> None:
    async def main() -> None:
        async with openai_videos.AsyncOpenAIVideos(api_key=SECRET, base_url=tls_server.url + "/v1", max_retries=0) as c:
            with pytest.raises(openai_videos.APIConnectionError):
                await c.videos.retrieve("video_123")

    asyncio.run(main())


def test_turning_tls_verification_off_needs_an_explicit_http_client(tls_server: LocalServer, tmp_path: Path) -> None:
    with openai_videos.OpenAIVideos(
        api_key=SECRET, base_url=tls_server.url + "/v1", max_retries=0, http_client=httpx.Client(verify=False)
    ) as c:
        assert c.videos.retrieve("video_123").id == "video_123"
    # the client constructor has no option of its own that would switch verification off
    import inspect

    params = inspect.signature(openai_videos.OpenAIVideos.__init__).parameters
    assert not {"verify", "verify_ssl", "insecure", "ssl"} & set(params)
