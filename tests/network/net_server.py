"""A small scriptable HTTP/1.1 server on 127.0.0.1 for the network tests (asyncio streams, own thread and loop).

A test sets ``server.handler`` to a function ``(Request) -> action`` (plain or ``async``). An action is
``Reply`` (a response, optionally streamed, chunked, close-delimited or cut short with a TCP reset), ``Reset``
(reset the connection before answering) or ``Stall`` (answer nothing and wait for the client to give up).
The server records every request and counts open, peak and total connections.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import socket
import ssl
import struct
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    connection: int

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Reply:
    status: int = 200
    body: bytes | Iterable[bytes] | AsyncIterator[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)
    # "length": Content-Length (from ``length`` or the bytes body); "chunked"; "close": body ends at EOF
    framing: str = "length"
    length: int | None = None
    # reset the connection (RST) once the body given has been written, whatever the framing promised
    cut: bool = False

    @classmethod
    def json(cls, data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Reply:
        return cls(
            status=status,
            body=json.dumps(data).encode(),
            headers={"content-type": "application/json", **(headers or {})},
        )


@dataclass
class Reset:
    """Reset the connection (SO_LINGER 0 then close) without answering."""


@dataclass
class Stall:
    """Answer nothing, optionally after ``prefix`` bytes; wait until the client closes (or ``seconds``)."""

    seconds: float = 10.0
    prefix: bytes = b""


Action = Reply | Reset | Stall
Handler = Callable[[Request], Any]

REASONS = {
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
    422: "Unprocessable Entity",
    429: "Too Many Requests",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


def _abort_with_rst(writer: asyncio.StreamWriter) -> None:
    sock = writer.get_extra_info("socket")
    if sock is not None:
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
    writer.transport.abort()


class LocalServer:
    def __init__(self, ssl_context: ssl.SSLContext | None = None) -> None:
        self.handler: Handler = lambda request: Reply.json({})
        self.requests: list[Request] = []
        self.open_connections = 0
        self.peak_connections = 0
        self.total_connections = 0
        self._ssl = ssl_context
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="net-test-server", daemon=True)
        self._server: asyncio.base_events.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._writers: set[asyncio.StreamWriter] = set()
        self.port = 0

    # --- lifecycle ---------------------------------------------------------------------------------------------

    def start(self) -> LocalServer:
        self._thread.start()
        self._server = asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(10)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def _start(self) -> asyncio.base_events.Server:
        return await asyncio.start_server(self._serve, "127.0.0.1", 0, ssl=self._ssl, backlog=1024)

    def stop(self) -> None:
        async def shutdown() -> None:
            if self._server is not None:
                self._server.close()
            for writer in list(self._writers):
                writer.transport.abort()
            if self._tasks:
                await asyncio.wait(list(self._tasks), timeout=5)

        try:
            if self._thread.is_alive():
                asyncio.run_coroutine_threadsafe(shutdown(), self._loop).result(10)
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)
            self._loop.close()

    @property
    def url(self) -> str:
        scheme = "https" if self._ssl else "http"
        return f"{scheme}://127.0.0.1:{self.port}"

    def reset_stats(self) -> None:
        with self._lock:
            self.requests.clear()
            self.peak_connections = self.open_connections
            self.total_connections = 0

    def wait_all_closed(self, timeout: float = 3.0) -> bool:
        """True once the server sees no open connection (polls up to ``timeout`` seconds)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.open_connections == 0:
                return True
            time.sleep(0.01)
        return self.open_connections == 0

    # --- connections -------------------------------------------------------------------------------------------

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        self._writers.add(writer)
        with self._lock:
            self.open_connections += 1
            self.total_connections += 1
            self.peak_connections = max(self.peak_connections, self.open_connections)
            conn_id = self.total_connections
        try:
            while True:
                request = await self._read_request(reader, conn_id)
                if request is None:
                    break
                self.requests.append(request)
                action = self.handler(request)
                if inspect.isawaitable(action):
                    action = await action
                keep_open = await self._act(action, reader, writer, request)
                if not keep_open:
                    break
        except (ConnectionError, asyncio.IncompleteReadError, ssl.SSLError, OSError):
            pass
        finally:
            if not writer.transport.is_closing():
                writer.close()
            with self._lock:
                self.open_connections -= 1
            self._tasks.discard(task)
            self._writers.discard(writer)

    async def _read_request(self, reader: asyncio.StreamReader, conn_id: int) -> Request | None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except (asyncio.IncompleteReadError, ConnectionError):
            return None
        lines = head.decode("latin-1").split("\r\n")
        method, path, _ = lines[0].split(" ", 2)
        headers: dict[str, str] = {}
        for line in lines[1:]:
            if line:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0"))
        body = await reader.readexactly(length) if length else b""
        return Request(method=method, path=path, headers=headers, body=body, connection=conn_id)

    async def _act(
        self, action: Action, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: Request
    ) -> bool:
        if isinstance(action, Reset):
            _abort_with_rst(writer)
            return False
        if isinstance(action, Stall):
            if action.prefix:
                writer.write(action.prefix)
                await writer.drain()
            try:
                # returns b"" as soon as the client closes its side
                await asyncio.wait_for(reader.read(1), action.seconds)
            except asyncio.TimeoutError:
                pass
            return False
        reply = action
        headers = {k.lower(): v for k, v in reply.headers.items()}
        body = reply.body
        if reply.framing == "length":
            if reply.length is not None:
                headers["content-length"] = str(reply.length)
            elif isinstance(body, bytes):
                headers["content-length"] = str(len(body))
            else:
                raise ValueError("a streamed body with length framing needs length=")
        elif reply.framing == "chunked":
            headers["transfer-encoding"] = "chunked"
        else:
            headers["connection"] = "close"
        reason = REASONS.get(reply.status, "Status")
        head = f"HTTP/1.1 {reply.status} {reason}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        chunked = reply.framing == "chunked"
        if isinstance(body, bytes) and not chunked:
            # one write for head and body: no Nagle / delayed-ACK stall between two small segments
            writer.write(head.encode("latin-1") + b"\r\n" + body)
            body = b""
        else:
            writer.write(head.encode("latin-1") + b"\r\n")

        async def send(chunk: bytes) -> None:
            if not chunk:
                return
            writer.write(b"%x\r\n%s\r\n" % (len(chunk), chunk) if chunked else chunk)
            await writer.drain()

        if isinstance(body, bytes):
            await send(body)
        elif hasattr(body, "__aiter__"):
            async for chunk in body:  # type: ignore[union-attr]
                await send(chunk)
        else:
            for chunk in body:  # type: ignore[union-attr]
                await send(chunk)
        if reply.cut:
            await writer.drain()
            _abort_with_rst(writer)
            return False
        if chunked:
            writer.write(b"0\r\n\r\n")
        await writer.drain()
        if reply.framing == "close" or request.headers.get("connection", "").lower() == "close":
            writer.close()
            return False
        return True


SECRET = "sk-net-SECRET-4f9c2e71"

VIDEO = {
    "id": "video_123",
    "object": "video",
    "created_at": 1712698600,
    "model": "sora-2",
    "progress": 100,
    "seconds": "8",
    "size": "720x1280",
    "status": "completed",
}


class Delays:
    """Stands in for ``client._sleep``: records each backoff delay instead of sleeping."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)

    async def asleep(self, seconds: float) -> None:
        self.calls.append(seconds)
