"""Raw and streamed access to HTTP responses."""

from __future__ import annotations

import functools
import os
from collections.abc import AsyncIterator, Awaitable, Iterator
from types import TracebackType
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    Generic,
    TypeVar,
    Union,
    cast,
)

import anyio
import httpx
from typing_extensions import ParamSpec

from ._exceptions import connection_error, is_transport_error

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, FinalRequestOptions, SyncAPIClient

__all__ = [
    "RAW_RESPONSE_HEADER",
    "APIResponse",
    "AsyncAPIResponse",
    "AsyncBinaryAPIResponse",
    "AsyncResponseContextManager",
    "BinaryAPIResponse",
    "ResponseContextManager",
    "async_to_raw_response_wrapper",
    "async_to_streamed_response_wrapper",
    "to_raw_response_wrapper",
    "to_streamed_response_wrapper",
]

P = ParamSpec("P")
R = TypeVar("R")
_T = TypeVar("_T")
_APIResponseT = TypeVar("_APIResponseT", bound="APIResponse[Any]")
_AsyncAPIResponseT = TypeVar("_AsyncAPIResponseT", bound="AsyncAPIResponse[Any]")

# Internal marker set through ``extra_headers`` by the wrappers below; the client strips it before sending.
RAW_RESPONSE_HEADER = "X-Sdkforge-Response-Mode"

_MISSING: Any = object()

FilePath = Union[str, "os.PathLike[str]"]


class _BaseAPIResponse(Generic[R]):
    http_response: httpx.Response
    retries_taken: int

    def __init__(
        self,
        *,
        raw: httpx.Response,
        cast_to: Any,
        client: Any,
        options: FinalRequestOptions,
        stream: bool,
        retries_taken: int = 0,
    ) -> None:
        self.http_response = raw
        self.retries_taken = retries_taken
        self._cast_to = cast_to
        self._client = client
        self._options = options
        self._stream = stream
        self._parsed: Any = _MISSING

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def request_id(self) -> str | None:
        value = self.http_response.headers.get("x-request-id")
        return str(value) if value is not None else None

    @property
    def http_request(self) -> httpx.Request:
        return self.http_response.request

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def method(self) -> str:
        return self.http_request.method

    @property
    def is_closed(self) -> bool:
        return bool(self.http_response.is_closed)

    def __repr__(self) -> str:
        return (
            f"<{self.__class__.__name__} [{self.status_code}"
            f" {self.http_response.reason_phrase}] type={self._cast_to}>"
        )


class APIResponse(_BaseAPIResponse[R]):
    """The HTTP response of a call, with ``parse()`` giving what the method would have returned."""

    _client: SyncAPIClient

    def parse(self) -> R:
        """Parse the body into the method's return type (cached: later calls return the same object)."""
        if self._parsed is _MISSING:
            if not self._client._is_lazy_type(self._cast_to):
                self.read()
            self._parsed = self._client._parse_response(self._cast_to, self.http_response, self._options)
        return cast(R, self._parsed)

    def read(self) -> bytes:
        """The whole body (read into memory). A connection lost on the way raises ``APIConnectionError``."""
        try:
            return self.http_response.read()
        except Exception as err:
            if not is_transport_error(err):
                raise
            self.http_response.close()
            raise connection_error(err, self.http_request) from err

    def text(self) -> str:
        self.read()
        return self.http_response.text

    def json(self) -> object:
        self.read()
        return self.http_response.json()

    def _guard(self, chunks: Iterator[_T]) -> Iterator[_T]:
        """``chunks`` with the HTTP client's network errors turned into ours (and the response closed)."""
        while True:
            try:
                chunk = next(chunks)
            except StopIteration:
                return
            except Exception as err:
                if not is_transport_error(err):
                    raise
                self.http_response.close()
                raise connection_error(err, self.http_request) from err
            yield chunk

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        """The body in chunks; on a streamed response it is read from the network lazily, never whole."""
        return self._guard(self.http_response.iter_bytes(chunk_size))

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        return self._guard(self.http_response.iter_text(chunk_size))

    def iter_lines(self) -> Iterator[str]:
        return self._guard(self.http_response.iter_lines())

    def write_to_file(self, file: FilePath) -> None:
        """Write the body to ``file`` chunk by chunk (a streamed body is never held whole in memory)."""
        self.stream_to_file(file)

    def stream_to_file(self, file: FilePath, *, chunk_size: int | None = None) -> None:
        """Write the body to ``file`` chunk by chunk without holding it all in memory."""
        with open(file, mode="wb") as f:
            f.writelines(self.iter_bytes(chunk_size))

    def close(self) -> None:
        self.http_response.close()


class AsyncAPIResponse(_BaseAPIResponse[R]):
    """The async twin of ``APIResponse``."""

    _client: AsyncAPIClient

    async def parse(self) -> R:
        if self._parsed is _MISSING:
            if not self._client._is_lazy_type(self._cast_to):
                await self.read()
            self._parsed = self._client._parse_response(self._cast_to, self.http_response, self._options)
        return cast(R, self._parsed)

    async def read(self) -> bytes:
        """The whole body (read into memory). A connection lost on the way raises ``APIConnectionError``."""
        try:
            return await self.http_response.aread()
        except Exception as err:
            if not is_transport_error(err):
                raise
            await self.http_response.aclose()
            raise connection_error(err, self.http_request) from err

    async def text(self) -> str:
        await self.read()
        return self.http_response.text

    async def json(self) -> object:
        await self.read()
        return self.http_response.json()

    async def _guard(self, chunks: AsyncIterator[_T]) -> AsyncIterator[_T]:
        """``chunks`` with the HTTP client's network errors turned into ours (and the response closed)."""
        while True:
            try:
                chunk = await chunks.__anext__()
            except StopAsyncIteration:
                return
            except Exception as err:
                if not is_transport_error(err):
                    raise
                await self.http_response.aclose()
                raise connection_error(err, self.http_request) from err
            yield chunk

    def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        """The body in chunks (``async for``); on a streamed response it is read lazily, never whole."""
        return self._guard(self.http_response.aiter_bytes(chunk_size))

    def iter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        return self._guard(self.http_response.aiter_text(chunk_size))

    def iter_lines(self) -> AsyncIterator[str]:
        return self._guard(self.http_response.aiter_lines())

    # the same iterators under httpx's async names
    aiter_bytes = iter_bytes
    aiter_text = iter_text
    aiter_lines = iter_lines

    async def write_to_file(self, file: FilePath) -> None:
        """Write the body to ``file`` chunk by chunk (a streamed body is never held whole in memory)."""
        await self.stream_to_file(file)

    async def stream_to_file(self, file: FilePath, *, chunk_size: int | None = None) -> None:
        """Write the body to ``file`` chunk by chunk without holding it all in memory."""
        async with await anyio.open_file(file, mode="wb") as f:
            async for chunk in self.iter_bytes(chunk_size):
                await f.write(chunk)

    async def close(self) -> None:
        await self.http_response.aclose()


class BinaryAPIResponse(APIResponse[bytes]):
    """A binary download; ``write_to_file`` / ``stream_to_file`` / ``iter_bytes`` (from ``APIResponse``) stream it."""

    @property
    def content(self) -> bytes:
        return self.read()


class AsyncBinaryAPIResponse(AsyncAPIResponse[bytes]):
    """The async twin of ``BinaryAPIResponse``."""

    @property
    def content(self) -> bytes:
        """The body, once read (always the case unless the response was streamed)."""
        return self.http_response.content


class ResponseContextManager(Generic[_APIResponseT]):
    """Sends the request on ``__enter__`` and closes the response on ``__exit__``."""

    def __init__(self, request_func: Callable[[], _APIResponseT]) -> None:
        self._request_func = request_func
        self._response: _APIResponseT | None = None

    def __enter__(self) -> _APIResponseT:
        self._response = self._request_func()
        return self._response

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        exc_tb: TracebackType | None,
    ) -> None:
        if self._response is not None:
            self._response.close()


class AsyncResponseContextManager(Generic[_AsyncAPIResponseT]):
    """The async twin of ``ResponseContextManager``: ``async with``."""

    def __init__(self, request_func: Callable[[], Awaitable[_AsyncAPIResponseT]]) -> None:
        self._request_func = request_func
        self._response: _AsyncAPIResponseT | None = None

    async def __aenter__(self) -> _AsyncAPIResponseT:
        self._response = await self._request_func()
        return self._response

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        exc_tb: TracebackType | None,
    ) -> None:
        if self._response is not None:
            await self._response.close()


def _with_mode(kwargs: Any, mode: str) -> None:
    extra_headers = dict(kwargs.get("extra_headers") or {})
    extra_headers[RAW_RESPONSE_HEADER] = mode
    kwargs["extra_headers"] = extra_headers


def to_raw_response_wrapper(func: Callable[P, R]) -> Callable[P, APIResponse[R]]:
    """Wrap a resource method so that it returns the ``APIResponse`` instead of the parsed value."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[R]:
        _with_mode(kwargs, "raw")
        return cast("APIResponse[R]", func(*args, **kwargs))

    return wrapped


def to_streamed_response_wrapper(
    func: Callable[P, R],
) -> Callable[P, ResponseContextManager[APIResponse[R]]]:
    """Wrap a resource method so that it returns a context manager over the unread (streamed) response."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> ResponseContextManager[APIResponse[R]]:
        _with_mode(kwargs, "stream")
        return ResponseContextManager(lambda: cast("APIResponse[R]", func(*args, **kwargs)))

    return wrapped


def async_to_raw_response_wrapper(
    func: Callable[P, Awaitable[R]],
) -> Callable[P, Awaitable[AsyncAPIResponse[R]]]:
    @functools.wraps(func)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> AsyncAPIResponse[R]:
        _with_mode(kwargs, "raw")
        return cast("AsyncAPIResponse[R]", await func(*args, **kwargs))

    return wrapped


def async_to_streamed_response_wrapper(
    func: Callable[P, Awaitable[R]],
) -> Callable[P, AsyncResponseContextManager[AsyncAPIResponse[R]]]:
    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> AsyncResponseContextManager[AsyncAPIResponse[R]]:
        _with_mode(kwargs, "stream")

        async def make_request() -> AsyncAPIResponse[R]:
            return cast("AsyncAPIResponse[R]", await func(*args, **kwargs))

        return AsyncResponseContextManager(make_request)

    return wrapped
