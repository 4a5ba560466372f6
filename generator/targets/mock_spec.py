"""The copy of the spec that a generated SDK's tests serve with Prism.

Usually the spec's own text. Two things in a spec make Prism answer what no client can take, so the copy differs:

- a response header that only the HTTP layer may set (``Transfer-Encoding``, ``Connection``, ...: see
  ``headers.HOP_BY_HOP_HEADERS``) is left out: Prism fakes a value for every declared response header, and a faked
  ``Transfer-Encoding: string`` next to Prism's own ``Content-Length`` is a response no HTTP client accepts, so the
  test would fail before the SDK sees a byte. ``sdkforge validate`` reports such headers (SF018).
- an operation without a success response (no ``responses`` at all, or only errors or redirects) gets a ``204``:
  the SDK's method returns None for it (``parse.responses``), and Prism would answer 500 "No response defined" or
  the error or redirect, so the test could never pass although the SDK does what the spec allows.
- a parameter's array schema that also allows null (``nullable: true``, or ``type: [array, "null"]``) loses the
  null: a parameter is never sent as null (the SDK leaves it out), and with a null in its type Prism no longer reads
  ``?tag=a`` as an array and answers 422 "must be array,null".
- an example value holding a ``$ref`` to another file is left out: an example is literal data (the bundler keeps it
  as written), but Prism resolves every ``$ref``, relative to the copy, and does not start when the file is not there.

Rewriting costs one ``json.dumps`` of the loaded data (JSON is YAML, so the copy keeps its file name), and only
specs that need an edit pay it; the loaded data is never modified (only the mappings on the way to an edit are
copied).
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Callable
from functools import partial
from typing import Any

from generator.load.document import Document
from generator.load.kinds import METHODS
from generator.parse.responses import success_status
from generator.validate.headers import KeyPath, hop_by_hop_response_headers

Edit = Callable[[dict[str, Any]], dict[str, Any]]
NO_CONTENT = {"204": {"description": "sdkforge: the spec declares no success response; the SDK returns None"}}


def mock_spec_text(doc: Document) -> str:
    """The text to write as the generated tests' spec copy: ``doc.text``, or JSON with the edits above."""
    edits = {**_without_hop_by_hop(doc.data), **_with_success_responses(doc.data), **_parameter_arrays(doc.data),
             **_without_file_refs_in_examples(doc.data)}
    if not edits:
        return doc.text
    return json.dumps(_edited(doc.data, (), edits), ensure_ascii=False, default=_json_default)


def _without_hop_by_hop(data: Any) -> dict[KeyPath, Edit]:
    drop: dict[KeyPath, set[str]] = {}
    for path, name in hop_by_hop_response_headers(data):
        drop.setdefault(path, set()).add(name)
    return {path: partial(_without_keys, frozenset(names)) for path, names in drop.items()}


def _without_keys(names: frozenset[str], node: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in node.items() if k not in names}


def _with_success_responses(data: Any) -> dict[KeyPath, Edit]:
    """An edit adding ``NO_CONTENT`` to every operation under ``paths`` that declares no success response."""
    paths = data.get("paths") if isinstance(data, dict) else None
    edits: dict[KeyPath, Edit] = {}
    for key, item in paths.items() if isinstance(paths, dict) else ():
        for method in METHODS:
            op = item.get(method) if isinstance(item, dict) else None
            if not isinstance(op, dict):
                continue
            responses = op.get("responses")
            if not isinstance(responses, dict) or not responses or success_status(responses) is None:
                edits[("paths", key, method)] = _add_no_content
    return edits


def _parameter_arrays(data: Any) -> dict[KeyPath, Edit]:
    """An edit dropping null from the array schema of every inline parameter (paths and components)."""
    found: list[tuple[KeyPath, Any]] = []
    paths = data.get("paths") if isinstance(data, dict) else None
    for key, item in paths.items() if isinstance(paths, dict) else ():
        for method in ("parameters", *METHODS):
            op = item.get(method) if isinstance(item, dict) else None
            params = op if method == "parameters" else op.get("parameters") if isinstance(op, dict) else None
            base = ("paths", key, method) + (() if method == "parameters" else ("parameters",))
            found += [(base + (i,), p) for i, p in enumerate(params)] if isinstance(params, list) else []
    components = data.get("components") if isinstance(data, dict) else None
    params = components.get("parameters") if isinstance(components, dict) else None
    found += [(("components", "parameters", name), p) for name, p in params.items()] if isinstance(params, dict) else []
    return {path + ("schema",): _without_null for path, p in found
            if isinstance(p, dict) and isinstance(p.get("schema"), dict) and _nullable_array(p["schema"])}


def _nullable_array(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    if kind == "array":
        return schema.get("nullable") is True
    return isinstance(kind, list) and "array" in kind and "null" in kind


def _without_null(schema: dict[str, Any]) -> dict[str, Any]:
    return {**{k: v for k, v in schema.items() if k != "nullable"}, "type": "array"}


def _without_file_refs_in_examples(data: Any) -> dict[KeyPath, Edit]:
    """An edit dropping each ``example``, and each entry of an ``examples`` mapping, that holds a ``$ref`` to a file."""
    drop: dict[KeyPath, set[str]] = {}

    def walk(node: Any, path: KeyPath) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("example", "examples") and not isinstance(value, dict) and _file_ref_in(value):
                    drop.setdefault(path, set()).add(key)
                elif key == "examples" and isinstance(value, dict):
                    drop.setdefault(path + (key,), set()).update(k for k, v in value.items() if _file_ref_in(v))
                else:
                    walk(value, path + (key,))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, path + (i,))

    walk(data, ())
    return {path: partial(_without_keys, frozenset(names)) for path, names in drop.items() if names}


def _file_ref_in(node: Any) -> bool:
    if isinstance(node, dict):
        ref = node.get("$ref")
        return (isinstance(ref, str) and not ref.startswith("#")) or any(_file_ref_in(v) for v in node.values())
    return isinstance(node, list) and any(_file_ref_in(v) for v in node)


def _add_no_content(op: dict[str, Any]) -> dict[str, Any]:
    responses = op.get("responses")
    return {**op, "responses": {**(responses if isinstance(responses, dict) else {}), **NO_CONTENT}}


def _edited(node: Any, path: KeyPath, edits: dict[KeyPath, Edit], on_way: set[KeyPath] | None = None) -> Any:
    # copies only the mappings and lists on the way to an edited mapping (deeper edits first); doc.data stays untouched
    if on_way is None:
        on_way = {p[:n] for p in edits for n in range(len(p))}
    if path in on_way and isinstance(node, dict):
        node = {k: _edited(v, path + (k,), edits, on_way) for k, v in node.items()}
    elif path in on_way and isinstance(node, list):
        node = [_edited(v, path + (i,), edits, on_way) for i, v in enumerate(node)]
    return edits[path](node) if path in edits else node


def _json_default(value: object) -> object:
    # the YAML loader reads unquoted dates as date objects; Prism's YAML 1.2 parser reads them as strings
    if isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
        return value.isoformat()
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
