"""A Swagger 2.0 document's ``host``, ``basePath`` and ``schemes`` as OpenAPI 3.0 ``servers``."""

from __future__ import annotations

from typing import Any

_SCHEMES = ("https", "http", "wss", "ws")  # https first: the first server is the SDK's default base URL


def servers(data: dict[Any, Any]) -> list[dict[str, str]] | None:
    """One server per scheme (https first) at ``host`` + ``basePath``; the base path alone (a URL relative to where
    the document is served) without a host; None (3.0's default, ``/``) without either."""
    host = data.get("host")
    base = data.get("basePath")
    base = base.rstrip("/") if isinstance(base, str) else ""
    if not isinstance(host, str) or not host.strip():
        return [{"url": base}] if base else None
    listed = data.get("schemes")
    schemes = [s for s in _SCHEMES if isinstance(listed, list) and s in listed] or ["https"]
    return [{"url": f"{scheme}://{host.strip().rstrip('/')}{base}"} for scheme in schemes]
