"""A method's signature order, return annotations, and the sources of its calls (the runtime's and the tests')."""

from __future__ import annotations

import ast
import json
from typing import Any
from urllib.parse import quote

from generator import model
from generator.targets.python.shapes import PyBody, PyPagination, PyParam, PyResponse
from generator.targets.python.source import data_literal, literal

ODD_ID = "a/b?c d#%"  # a path value that must stay one percent-encoded segment


def example_source(value: Any) -> str:
    """Python source of an example value (plain data, bytes, or an upload tuple)."""
    return "None" if value is None else data_literal(value)


def signature_order(params: list[PyParam], body: PyBody | None) -> tuple[PyParam, ...]:
    path = [p for p in params if p.location == "path"]
    rest = [p for p in params if p.location != "path"] + list(body.params if body else ())
    return tuple(path + [p for p in rest if p.required] + [p for p in rest if not p.required])


def return_annotations(response: PyResponse, pagination: PyPagination | None) -> tuple[str, str]:
    if pagination is not None:
        item = pagination.item_annotation
        return f"SyncCursorPage[{item}]", f"AsyncPaginator[{item}, AsyncCursorPage[{item}]]"
    if response.kind == "binary":
        return "BinaryAPIResponse", "AsyncBinaryAPIResponse"
    return response.annotation, response.annotation


def call_fields(
    op: model.Operation, params: list[PyParam], signature: tuple[PyParam, ...], body: PyBody | None, response: PyResponse
) -> dict[str, Any]:
    """What the generated method sends and how the generated tests call it."""
    path = op.path
    has_path = any(p.location == "path" for p in params)
    required = [p for p in signature if p.required]
    example_required = [p for p in signature if p.required or _example_required(p, body)]
    return {
        "path_template": _rename_placeholders(path, params),
        "path_call_args": (literal(_rename_placeholders(path, params)),)
        + tuple(f"{p.py_name}={p.py_name}" for p in params if p.location == "path")
        + _path_styles(params),
        "param_styles": tuple(
            (p.wire_name, p.style, p.explode)
            for p in params
            if p.location in ("query", "header") and (p.style, p.explode) not in (("form", True), ("simple", False))
        ),
        "query": tuple((k, literal(v)) for k, v in op.fixed_query) + _entries(params, "query"),
        "headers": _accept(response) + _entries(params, "header"),
        "cookies": _entries(params, "cookie"),
        "example_path": _example_path(path, params),
        "call_required": _call_source(example_required),
        "call_all": _call_source(list(signature)),
        "call_odd_id": _call_source(required, path_value=literal(ODD_ID)) if has_path else (),
        "odd_id_path": _example_path(path, params, value=ODD_ID) if has_path else "",
        "call_empty_id": _call_source(required, path_value='""') if has_path else (),
        "sent_required": tuple(p.wire_name for p in (body.params if body and not body.whole else ()) if p.required),
    }


def _example_required(param: PyParam, body: PyBody | None) -> bool:
    return body is not None and param.location == "body" and param.wire_name in body.example_required


def _entries(params: list[PyParam], location: str) -> tuple[tuple[str, str], ...]:
    return tuple((p.wire_name, p.py_name) for p in params if p.location == location)


def _accept(response: PyResponse) -> tuple[tuple[str, str], ...]:
    if response.kind in ("json", "none") or not response.content_type:
        return ()
    return (("Accept", literal(", ".join(response.accept))),)


def _rename_placeholders(path: str, params: list[PyParam]) -> str:
    for p in params:
        if p.location == "path":
            path = path.replace("{" + p.wire_name + "}", "{" + p.py_name + "}")
    return path


def _path_styles(params: list[PyParam]) -> tuple[str, ...]:
    """The ``_styles=`` argument of ``path_template`` for path parameters not in the default simple style."""
    styled = [p for p in params if p.location == "path" and (p.style, p.explode) != ("simple", False)]
    if not styled:
        return ()
    entries = ", ".join(f"{literal(p.py_name)}: ({literal(p.style)}, {p.explode}, {literal(p.wire_name)})" for p in styled)
    return ("_styles={" + entries + "}",)


def _example_path(path: str, params: list[PyParam], value: Any = None) -> str:
    """The request path a generated test expects, written independently of the runtime's ``path_template``."""
    for p in params:
        if p.location == "path":
            raw = _literal_value(p.example) if value is None else value
            path = path.replace("{" + p.wire_name + "}", _path_segment(raw, p.style, p.explode, p.wire_name))
    return path


def _encoded(value: Any) -> str:
    """A value as the runtime's ``primitive_to_str`` writes it, percent-encoded (a nested list or object: JSON)."""
    if isinstance(value, (dict, list)):
        return quote(json.dumps(value), safe="")
    text = {True: "true", False: "false", None: "null"}.get(value, value) if not isinstance(value, (int, float)) or isinstance(value, bool) else value
    return quote(str(text), safe="")


def _path_segment(raw: Any, style: str, explode: bool, wire: str) -> str:
    """RFC 6570 path expansion as OpenAPI's simple / label / matrix styles define it."""
    enc = _encoded
    if isinstance(raw, dict):
        items = [f"{enc(k)}={enc(v)}" for k, v in raw.items()] if explode else [enc(x) for kv in raw.items() for x in kv]
    else:
        items = [enc(v) for v in raw] if isinstance(raw, (list, tuple)) else [enc(raw)]
    scalar = not isinstance(raw, (list, tuple, dict))
    if style == "label":
        return "." + ("." if explode else ",").join(items)
    if style == "matrix":
        if explode and not scalar:
            return "".join(f";{item}" if isinstance(raw, dict) else f";{enc(wire)}={item}" for item in items)
        return f";{enc(wire)}" + ("=" + ",".join(items) if items != [""] else "")
    return ",".join(items)


def _literal_value(source: str) -> Any:
    try:
        return ast.literal_eval(source)
    except (ValueError, SyntaxError):
        return source


def _call_source(params: list[PyParam], path_value: str | None = None) -> tuple[str, ...]:
    return tuple((path_value or p.example) if p.location == "path" else f"{p.py_name}={p.example}" for p in params)
