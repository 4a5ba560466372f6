"""The copy of the spec that a generated SDK's tests serve with Prism.

Usually the spec's own text. A response header that only the HTTP layer may set (``Transfer-Encoding``,
``Connection``, ...: see ``headers.HOP_BY_HOP_HEADERS``) is left out of the copy: Prism fakes a value for every declared
response header, and a faked ``Transfer-Encoding: string`` next to Prism's own ``Content-Length`` is a response no
HTTP client accepts, so the test would fail before the SDK sees a byte. ``sdkforge validate`` reports such headers
(SF018).

Rewriting costs one ``json.dumps`` of the loaded data (JSON is YAML, so the copy keeps its file name), and only
specs that declare such a header pay it.
"""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

from generator.load.document import Document
from generator.validate.headers import KeyPath, hop_by_hop_response_headers


def mock_spec_text(doc: Document) -> str:
    """The text to write as the generated tests' spec copy: ``doc.text``, or JSON without hop-by-hop headers."""
    found = hop_by_hop_response_headers(doc.data)
    if not found:
        return doc.text
    drop: dict[KeyPath, set[str]] = {}
    for path, name in found:
        drop.setdefault(path, set()).add(name)
    return json.dumps(_without(doc.data, (), drop), ensure_ascii=False, default=_json_default)


def _without(node: Any, path: KeyPath, drop: dict[KeyPath, set[str]]) -> Any:
    # copies only the mappings on the way to a `headers` mapping that loses entries; doc.data stays untouched
    if path in drop:
        return {k: v for k, v in node.items() if k not in drop[path]}
    if not any(p[: len(path)] == path for p in drop):
        return node
    return {k: _without(v, path + (k,), drop) for k, v in node.items()}


def _json_default(value: object) -> object:
    # the YAML loader reads unquoted dates as date objects; Prism's YAML 1.2 parser reads them as strings
    if isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
        return value.isoformat()
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
