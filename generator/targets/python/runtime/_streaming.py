"""Server-sent event streams (``text/event-stream``) parsed incrementally into typed events."""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import AsyncIterator, Iterable, Iterator
from types import TracebackType
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    Generic,
    TypeVar,
)

import httpx
from typing_extensions import Self

from ._exceptions import (
    APIConnectionError,
    APIStreamError,
    APITimeoutError,
    error_message_from_body,
)

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, SyncAPIClient

__all__ = ["AsyncStream", "SSEDecoder", "ServerSentEvent", "Stream"]

_T = TypeVar("_T")

DONE = "[DONE]"
_NEWLINE = re.compile(r"\r\n|\r|\n")


class ServerSentEvent:
    """One dispatched event: ``event`` (None means "message"), ``data`` (lines joined by "\\n"), ``id``, ``retry``."""

    def __init__(
        self,
        *,
        event: str | None = None,
        data: str = "",
        id: str | None = None,
        retry: int | None = None,
    ) -> None:
        self.event = event
        self.data = data
        self.id = id
        self.retry = retry

    def json(self) -> Any:
        return json.loads(self.data)

    def __repr__(self) -> str:
        return f"ServerSentEvent(event={self.event!r}, data={self.data!r}, id={self.id!r}," f" retry={self.retry!r})"


class SSEDecoder:
    """An incremental decoder following the WHATWG event-stream rules.

    Feed it raw byte chunks (``iter_events``) or already split lines (``decode``). ``pending`` tells whether an
    event was started but not yet terminated by a blank line.
    """

    def __init__(self) -> None:
        self._event: str | None = None
        self._data: list[str] = []
        self._last_id: str | None = None
        self._retry: int | None = None
        self._started = False

    @property
    def pending(self) -> bool:
        return self._started

    def decode(self, line: str) -> ServerSentEvent | None:
        if not line:
            if not self._started:
                return None
            sse = ServerSentEvent(
                event=self._event,
                data="\n".join(self._data),
                id=self._last_id,
                retry=self._retry,
            )
            self._event = None
            self._data = []
            self._retry = None
            self._started = False
            if not sse.data and sse.event is None:
                return None
            return sse
        self._started = True
        if line.startswith(":"):
            return None
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "event":
            self._event = value
        elif name == "data":
            self._data.append(value)
        elif name == "id":
            if "\0" not in value:
                self._last_id = value
        elif name == "retry":
            try:
                self._retry = int(value)
            except ValueError:
                pass
        return None

    def iter_lines(self, chunks: Iterable[bytes]) -> Iterator[str]:
        splitter = _LineSplitter()
        for chunk in chunks:
            yield from splitter.feed(chunk)
        yield from splitter.finish()

    def iter_events(self, chunks: Iterable[bytes]) -> Iterator[ServerSentEvent]:
        for line in self.iter_lines(chunks):
            sse = self.decode(line)
            if sse is not None:
                yield sse

    async def aiter_events(self, chunks: AsyncIterator[bytes]) -> AsyncIterator[ServerSentEvent]:
        splitter = _LineSplitter()
        async for chunk in chunks:
            for line in splitter.feed(chunk):
                sse = self.decode(line)
                if sse is not None:
                    yield sse
        for line in splitter.finish():
            sse = self.decode(line)
            if sse is not None:
                yield sse


class _LineSplitter:
    """Splits a byte stream into lines on CRLF, LF or CR, decoding UTF-8 incrementally."""

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._buffer = ""
        self._trailing_cr = False

    def feed(self, chunk: bytes) -> list[str]:
        text = self._decoder.decode(chunk)
        if self._trailing_cr and text.startswith("\n"):
            text = text[1:]
        if text:
            self._trailing_cr = False
        self._buffer += text
        out: list[str] = []
        pos = 0
        for match in _NEWLINE.finditer(self._buffer):
            out.append(self._buffer[pos : match.start()])
            pos = match.end()
            # a CR at the very end may be the first half of a CRLF split across chunks
            self._trailing_cr = match.group() == "\r" and pos == len(self._buffer)
        self._buffer = self._buffer[pos:]
        return out

    def finish(self) -> list[str]:
        rest = self._buffer + self._decoder.decode(b"", final=True)
        self._buffer = ""
        return [rest] if rest else []


def _check_event(sse: ServerSentEvent, response: httpx.Response) -> None:
    if sse.event == "error":
        try:
            body: object = sse.json()
        except ValueError:
            body = sse.data
        message = error_message_from_body(body) or "The stream sent an error event."
        raise APIStreamError(message, response.request, body=body)


def _event_json(sse: ServerSentEvent, response: httpx.Response) -> object:
    try:
        return sse.json()
    except ValueError as err:
        raise APIStreamError("An event's data is not valid JSON.", response.request, body=sse.data) from err


def _transport_error(err: httpx.TransportError, response: httpx.Response) -> APIConnectionError:
    """The connection broke (or timed out) while the stream was being read."""
    if isinstance(err, httpx.TimeoutException):
        return APITimeoutError(request=response.request)
    return APIConnectionError(request=response.request)


def _truncated(response: httpx.Response) -> APIStreamError:
    return APIStreamError("The event stream ended in the middle of an event.", response.request)


class Stream(Generic[_T]):
    """Iterate the events of a ``text/event-stream`` response, each event's JSON data parsed into ``_T``.

    A ``data: [DONE]`` event ends the stream. A stream cut in the middle of an event raises ``APIStreamError``.
    The response is closed when iteration ends, on ``close()`` and when leaving a ``with`` block.
    """

    response: httpx.Response

    def __init__(
        self,
        *,
        cast_to: Any,
        response: httpx.Response,
        client: SyncAPIClient,
    ) -> None:
        self.response = response
        self._cast_to = cast_to
        self._client = client
        self._decoder = SSEDecoder()
        self._iterator = self.__stream__()

    def __next__(self) -> _T:
        return self._iterator.__next__()

    def __iter__(self) -> Iterator[_T]:
        return self._iterator

    def _events(self) -> Iterator[ServerSentEvent]:
        splitter = _LineSplitter()
        for chunk in self.response.iter_bytes():
            for line in splitter.feed(chunk):
                sse = self._decoder.decode(line)
                if sse is not None:
                    yield sse
        for line in splitter.finish():
            sse = self._decoder.decode(line)
            if sse is not None:
                yield sse
        if self._decoder.pending:
            raise _truncated(self.response)

    def __stream__(self) -> Iterator[_T]:
        process: Callable[[Any, object, httpx.Response], Any] = self._client._parse_data
        try:
            for sse in self._events():
                if sse.data.startswith(DONE):
                    break
                _check_event(sse, self.response)
                if not sse.data:
                    continue
                data = _event_json(sse, self.response)
                yield process(self._cast_to, data, self.response)
        except httpx.TransportError as err:
            raise _transport_error(err, self.response) from err
        finally:
            self.response.close()

    def close(self) -> None:
        self.response.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        exc_tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncStream(Generic[_T]):
    """The async twin of ``Stream``: ``async for event in stream``."""

    response: httpx.Response

    def __init__(
        self,
        *,
        cast_to: Any,
        response: httpx.Response,
        client: AsyncAPIClient,
    ) -> None:
        self.response = response
        self._cast_to = cast_to
        self._client = client
        self._decoder = SSEDecoder()
        self._iterator = self.__stream__()

    async def __anext__(self) -> _T:
        return await self._iterator.__anext__()

    def __aiter__(self) -> AsyncIterator[_T]:
        return self._iterator

    async def _events(self) -> AsyncIterator[ServerSentEvent]:
        splitter = _LineSplitter()
        async for chunk in self.response.aiter_bytes():
            for line in splitter.feed(chunk):
                sse = self._decoder.decode(line)
                if sse is not None:
                    yield sse
        for line in splitter.finish():
            sse = self._decoder.decode(line)
            if sse is not None:
                yield sse
        if self._decoder.pending:
            raise _truncated(self.response)

    async def __stream__(self) -> AsyncIterator[_T]:
        process: Callable[[Any, object, httpx.Response], Any] = self._client._parse_data
        try:
            async for sse in self._events():
                if sse.data.startswith(DONE):
                    break
                _check_event(sse, self.response)
                if not sse.data:
                    continue
                data = _event_json(sse, self.response)
                yield process(self._cast_to, data, self.response)
        except httpx.TransportError as err:
            raise _transport_error(err, self.response) from err
        finally:
            await self.response.aclose()

    async def close(self) -> None:
        await self.response.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        exc_tb: TracebackType | None,
    ) -> None:
        await self.close()
