"""The OpenAPI structure (SF001): openapi-pydantic's errors, each at the JSON pointer of the object it is about."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from generator import pointer
from generator.load.kinds import METHODS
from generator.validate.shapes import fits

if TYPE_CHECKING:
    from generator.load.document import Document
    from generator.validate.context import Run

_REF_NOISE = "Reference"
_MODEL_TAGS = frozenset(("Schema", "Parameter", "Response", "PathItem", "Example", "RequestBody", "Header",
                         "SecurityScheme", "Link", "Callback", "MediaType", "Operation"))


def check_structure(run: Run, doc: Document) -> None:
    """SF001: what openapi-pydantic refuses (numeric status codes, reported as SF017 already, are let through).
    A document that surely fits its models (shapes.py) is not parsed: openapi-pydantic is not even imported."""
    data = _as_parsed(doc.data, run.unquoted_codes)
    if fits(data):
        return
    from openapi_pydantic import parse_obj
    from pydantic import ValidationError

    try:
        parse_obj(data)
    except ValidationError as exc:
        for where, message in pydantic_error_pointers(data, exc.errors(include_url=False, include_input=False)):
            run.report("SF001", message, doc, where)
    except (ValueError, TypeError) as exc:
        run.report("SF001", f"not an OpenAPI document: {exc}", doc, "")


def too_deep(data: Any, limit: int = 250) -> bool:
    """Whether containers nest deeper than ``limit`` (no OpenAPI document needs more; iterative, stops early)."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        obj, depth = stack.pop()
        if depth > limit:
            return True
        for value in obj.values() if type(obj) is dict else obj:
            if type(value) is dict or type(value) is list:
                stack.append((value, depth + 1))
    return False


def pydantic_error_pointers(data: Any, errors: Iterable[Mapping[str, Any]]) -> list[tuple[str, str]]:
    """(pointer, message) for openapi-pydantic's errors: the most specific one per place, without the noise of the
    `Reference` alternative of every union."""
    found: list[tuple[str, str, bool]] = []
    for err in errors:
        loc = list(err.get("loc", ()))
        etype = err.get("type", "")
        if etype == "union_tag_invalid":
            version = data.get("openapi")
            found.append(("/openapi", f"unsupported openapi version {version!r} (sdkforge reads 3.0.x and 3.1.x)", False))
            continue
        if etype == "union_tag_not_found":
            found.append(("", "the `openapi` version field is missing", True))
            continue
        ptr, noise = _error_pointer(data, loc[1:])
        if noise:
            continue
        msg = err.get("msg", "invalid")
        missing = etype == "missing"
        if missing and loc:
            msg = f"missing required field {loc[-1]!r}"
        elif loc and loc[-1] == "[key]":
            msg = f"invalid key: {msg}"
        found.append((ptr, msg, missing))
    return _most_specific(found)


def _error_pointer(data: Any, loc: list[Any]) -> tuple[str, bool]:
    """The pointer of the deepest part of ``loc`` found in ``data``, and whether the error is noise (an alternative
    of a union that does not apply: `Reference` without a `$ref`, an object model where there is a `$ref`)."""
    obj, ptr, noise = data, "", False
    for el in loc:
        if isinstance(obj, dict):
            if isinstance(el, str) and el in obj:
                obj, ptr = obj[el], pointer.child(ptr, el)
                continue
            alt = next((k for k in obj if not isinstance(k, str) and str(k) == str(el)), pointer.MISSING)
            if alt is not pointer.MISSING:
                obj, ptr = obj[alt], pointer.child(ptr, el)
                continue
            has_ref = "$ref" in obj
            if el == _REF_NOISE and not has_ref or el in _MODEL_TAGS and has_ref:
                noise = True
        elif isinstance(obj, list) and isinstance(el, int) and 0 <= el < len(obj):
            obj, ptr = obj[el], f"{ptr}/{el}"
            continue
        elif el == _REF_NOISE:
            noise = True
    return ptr, noise


def _most_specific(found: list[tuple[str, str, bool]]) -> list[tuple[str, str]]:
    """Drop (non-missing) errors on a pointer that has errors below it, and repeats."""
    pointers = {p for p, _m, _miss in found}
    result: list[tuple[str, str]] = []
    seen: set[str] = set()
    for ptr, msg, missing in found:
        if not missing and any(q.startswith(ptr + "/") for q in pointers):
            continue
        key = ptr if not missing else ptr + "\0" + msg
        if key in seen:
            continue
        seen.add(key)
        result.append((ptr, msg))
    return result


def _as_parsed(data: dict[str, Any], string_codes: bool) -> dict[str, Any]:
    """The document as the structural check should see it (a shallow copy where it differs): numeric response codes
    as strings when ``string_codes`` (SF017 reported them), and without operations that are `$ref`s (SF071: read as
    the operation they point at, which is checked where it is written)."""
    out = None
    for section in ("paths", "webhooks"):
        paths = data.get(section)
        if not isinstance(paths, dict):
            continue
        new_paths = {path: _item_as_parsed(item, string_codes) for path, item in paths.items()}
        if any(new_paths[path] is not item for path, item in paths.items()):
            out = out if out is not None else dict(data)
            out[section] = new_paths
    return data if out is None else out


def _item_as_parsed(item: Any, string_codes: bool) -> Any:
    if not isinstance(item, dict):
        return item
    new = None
    for method in METHODS:
        op = item.get(method)
        if not isinstance(op, dict):
            continue
        responses = op.get("responses")
        if "$ref" in op:
            new = new if new is not None else dict(item)
            del new[method]
        elif string_codes and isinstance(responses, dict) and not all(isinstance(k, str) for k in responses):
            new = new if new is not None else dict(item)
            new[method] = {**op, "responses": {str(k): v for k, v in responses.items()}}
    return item if new is None else new
