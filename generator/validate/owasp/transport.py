"""Transport (SF200): every server the API is reached through uses TLS."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from generator import pointer

if TYPE_CHECKING:
    from generator.validate.context import DocChecker
    from generator.validate.owasp.operations import Operation

_PLAIN = re.compile(r"^(?:http|ws)://(?P<host>\[[^\]]*\]|[^/:?#]*)", re.IGNORECASE)
_LOOPBACK = re.compile(r"^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$", re.IGNORECASE)


def check_servers(checker: DocChecker, ops: Iterable[Operation]) -> None:
    """The document's servers, each path item's and each operation's (SF200)."""
    _servers(checker, checker.doc.data.get("servers"), "/servers")
    items: set[tuple[int, str]] = set()
    for op in ops:
        if (id(op.checker), op.item_ptr) not in items:
            items.add((id(op.checker), op.item_ptr))
            _servers(op.checker, op.item.get("servers"), pointer.child(op.item_ptr, "servers"))
        _servers(op.checker, op.op.get("servers"), pointer.child(op.ptr, "servers"))


def _servers(checker: DocChecker, servers: Any, ptr: str) -> None:
    if not isinstance(servers, list):
        return
    for i, server in enumerate(servers):
        url = server.get("url") if isinstance(server, dict) else None
        match = _PLAIN.match(url) if isinstance(url, str) else None
        if match and isinstance(url, str) and not _LOOPBACK.match(match["host"]):
            checker.report("SF200", f"server URL {url!r} is not encrypted (plain {url.split(':')[0].lower()})",
                           f"{ptr}/{i}/url")
