"""The Swagger 2.0 structure (SF090): what a 2.0 document must hold that the upgrade cannot repair, found on the 2.0
document itself so each finding names the 2.0 file, line and pointer."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator import pointer as json_pointer
from generator.load import kinds

Found = tuple[str, str]  # (message, pointer)

METHODS = tuple(m for m in kinds.METHODS if m != "trace")  # the operations of a 2.0 path item
_LOCATIONS = ("query", "header", "path", "formData", "body")
_TYPES = ("string", "number", "integer", "boolean", "array", "file")
_FLOW_URLS = {"implicit": ("authorizationUrl",), "password": ("tokenUrl",), "application": ("tokenUrl",),
              "accessCode": ("authorizationUrl", "tokenUrl")}


def problems(data: dict[Any, Any]) -> list[Found]:
    """Every structural problem of a 2.0 document (``data``: as loaded, or bundled), in document order."""
    found: list[Found] = []
    if str(data.get("swagger")) != "2.0":
        found.append((f"`swagger` must be \"2.0\", not {data.get('swagger')!r}", "/swagger"))
    if not isinstance(data.get("paths"), dict):
        found.append(("the document has no `paths` mapping (required)", "/paths" if "paths" in data else ""))
    found.extend(_paths(data.get("paths")))
    for name, param in _members(data.get("parameters")):
        found.extend(_parameter(param, json_pointer.child("/parameters", name)))
    for name, response in _members(data.get("responses")):
        found.extend(_response(response, json_pointer.child("/responses", name)))
    for name, scheme in _members(data.get("securityDefinitions")):
        found.extend(_security(scheme, json_pointer.child("/securityDefinitions", name)))
    return found


def _members(value: Any) -> Iterator[tuple[Any, Any]]:
    return iter(value.items()) if isinstance(value, dict) else iter(())


def _paths(paths: Any) -> Iterator[Found]:
    for path, item in _members(paths):
        ptr = json_pointer.child("/paths", path)
        if str(path).startswith("x-"):
            continue
        if not str(path).startswith("/"):
            yield f"path {path!r} does not start with `/`", ptr
        if not isinstance(item, dict):
            continue
        for i, param in enumerate(item.get("parameters") or []):
            yield from _parameter(param, f"{ptr}/parameters/{i}")
        for method in METHODS:
            op = item.get(method)
            if isinstance(op, dict):
                yield from _operation(op, json_pointer.child(ptr, method))


def _operation(op: dict[Any, Any], ptr: str) -> Iterator[Found]:
    params = op.get("parameters")
    for i, param in enumerate(params if isinstance(params, list) else []):
        yield from _parameter(param, f"{ptr}/parameters/{i}")
    responses = op.get("responses")
    if not isinstance(responses, dict) or not responses:
        yield "an operation needs a `responses` mapping with at least one response", ptr + "/responses"
        return
    for code, response in responses.items():
        yield from _response(response, json_pointer.child(ptr + "/responses", code))


def _parameter(param: Any, ptr: str) -> Iterator[Found]:
    if not isinstance(param, dict):
        yield "a parameter must be a mapping", ptr
        return
    if "$ref" in param:
        return
    location = param.get("in")
    if not isinstance(param.get("name"), str):
        yield "a parameter needs a `name`", ptr
    if location not in _LOCATIONS:
        yield f"parameter `in` must be one of {', '.join(_LOCATIONS)}, not {location!r}", ptr + "/in"
    elif location == "body":
        if not isinstance(param.get("schema"), dict):
            yield "an `in: body` parameter needs a `schema`", ptr
    elif param.get("type") not in _TYPES:
        yield f"a non-body parameter needs a `type` ({', '.join(_TYPES)})", ptr + ("/type" if "type" in param else "")
    elif param.get("type") == "file" and location != "formData":
        yield "`type: file` is only allowed for an `in: formData` parameter", ptr + "/type"
    elif param.get("type") == "array" and not isinstance(param.get("items"), dict):
        yield "an array parameter needs `items`", ptr
    if location == "path" and param.get("required") is not True:
        yield "a path parameter must say `required: true`", ptr + ("/required" if "required" in param else "")


def _response(response: Any, ptr: str) -> Iterator[Found]:
    if not isinstance(response, dict):
        yield "a response must be a mapping", ptr
    elif "$ref" not in response and not isinstance(response.get("description"), str):
        yield "a response needs a `description`", ptr


def _security(scheme: Any, ptr: str) -> Iterator[Found]:
    if not isinstance(scheme, dict):
        yield "a security definition must be a mapping", ptr
        return
    kind = scheme.get("type")
    if kind == "apiKey":
        if not isinstance(scheme.get("name"), str):
            yield "an apiKey security definition needs a `name`", ptr
        if scheme.get("in") not in ("query", "header"):
            yield "an apiKey security definition needs `in: query` or `in: header`", ptr
    elif kind == "oauth2":
        flow = scheme.get("flow")
        if flow not in _FLOW_URLS:
            yield f"oauth2 `flow` must be one of {', '.join(_FLOW_URLS)}, not {flow!r}", ptr
            return
        for url in _FLOW_URLS[flow]:
            if not isinstance(scheme.get(url), str):
                yield f"an oauth2 `{flow}` flow needs `{url}`", ptr
        if not isinstance(scheme.get("scopes"), dict):
            yield "an oauth2 security definition needs `scopes` (a mapping, may be empty)", ptr
    elif kind != "basic":
        yield f"security definition `type` must be basic, apiKey or oauth2, not {kind!r}", ptr + "/type"
