"""Hop-by-hop response headers (SF018); the generated tests' Prism spec copy leaves them out too."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator import pointer
from generator.load.kinds import METHODS

if TYPE_CHECKING:
    from generator.validate.context import DocChecker

#: Connection-specific headers (RFC 9110 7.6.1 and RFC 9112 6.1, plus the non-standard Proxy-Connection): an
#: intermediary or the HTTP library sets or removes them, so an API cannot promise them in a response.
HOP_BY_HOP_HEADERS = frozenset(
    ("connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade")
)

KeyPath = tuple[Any, ...]  # keys from the document root to a `headers` mapping


def hop_by_hop_response_headers(data: Any) -> list[tuple[KeyPath, str]]:
    """(path to the `headers` mapping, header name) for every hop-by-hop header declared on a response, in
    operations under `paths` and `webhooks` and in `components.responses`."""
    found: list[tuple[KeyPath, str]] = []

    def response(path: KeyPath, value: Any) -> None:
        headers = value.get("headers") if isinstance(value, dict) else None
        if isinstance(headers, dict):
            found.extend((path + ("headers",), name) for name in headers if _is_hop_by_hop(name))

    if not isinstance(data, dict):
        return found
    for section in ("paths", "webhooks"):
        items = data.get(section)
        for key, item in items.items() if isinstance(items, dict) else ():
            for method in METHODS:
                op = item.get(method) if isinstance(item, dict) else None
                responses = op.get("responses") if isinstance(op, dict) else None
                for status, value in responses.items() if isinstance(responses, dict) else ():
                    response((section, key, method, "responses", status), value)
    components = data.get("components")
    responses = components.get("responses") if isinstance(components, dict) else None
    for name, value in responses.items() if isinstance(responses, dict) else ():
        response(("components", "responses", name), value)
    return found


def _is_hop_by_hop(name: Any) -> bool:
    return isinstance(name, str) and name.lower() in HOP_BY_HOP_HEADERS


def check_headers(checker: DocChecker) -> None:
    """SF018: a response promises a header the HTTP layer sets or strips per connection."""
    for path, name in hop_by_hop_response_headers(checker.doc.data):
        _report(checker, name, pointer.join(*path, name))


def check_response_headers(checker: DocChecker, responses: dict[Any, Any], ptr: str) -> None:
    """SF018 for the responses of one operation, in whichever file it is written (``check_headers`` sees the root's
    own operations; a finding reported twice is reported once)."""
    for status, value in responses.items():
        headers = value.get("headers") if isinstance(value, dict) else None
        for name in headers if isinstance(headers, dict) else ():
            if _is_hop_by_hop(name):
                _report(checker, name, pointer.child(pointer.child(pointer.child(ptr, status), "headers"), name))


def _report(checker: DocChecker, name: str, where: str) -> None:
    checker.report("SF018", f"response header {name!r} is a hop-by-hop header: the HTTP layer sets it", where)
