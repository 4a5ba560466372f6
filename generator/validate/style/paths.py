"""Path keys and path parameters: trailing slashes, query strings, ambiguous paths, and Spectral's path-params."""

from __future__ import annotations

import re
from typing import Any

from generator import pointer
from generator.validate.style.context import METHODS, Node, Style

_TRAILING_SLASH = re.compile(r".+/$")
_TEMPLATE = re.compile(r"\{;?\??([^{}/;?*]+)\*?\}")
_SEGMENT_VARIABLE = re.compile(r"^\{.+?\}$")

Declared = dict[str, Node]  # a path parameter's name -> where it is declared


def check_paths(style: Style, root: Node) -> None:
    """path-keys-no-trailing-slash, path-not-include-query, no-ambiguous-paths and path-params."""
    paths = root.child("paths")
    if not isinstance(paths.value, dict):
        return
    normalized: dict[str, str] = {}
    seen: dict[int, list[str]] = {}  # segment count -> the paths before (only those can be ambiguous)
    for key, item in style.members(paths):
        path = str(key)
        here = Node(paths.doc, pointer.child(paths.ptr, key), item.value)
        if _TRAILING_SLASH.match(path):
            style.report("SF109", f"path {path} ends with a slash", here)
        if "?" in path:
            style.report("SF110", f"path {path} contains a query string", here)
        same_length = seen.setdefault(path.count("/"), [])
        ambiguous = next((other for other in same_length if _ambiguous(other, path)), None)
        if ambiguous is not None:
            style.report("SF130", f"paths {ambiguous} and {path} can match the same URL", here)
        same_length.append(path)
        if isinstance(item.value, dict):
            _check_path_params(style, path, item, normalized)


def _ambiguous(a: str, b: str) -> bool:
    """As many segments, and equal wherever both are literal: a template against a literal (`/a/{x}`, `/a/b`) or
    against another template (`/a/{x}`, `/a/{y}`) can match the same URL."""
    parts_a, parts_b = a.split("/"), b.split("/")
    if len(parts_a) != len(parts_b):
        return False
    return all(x == y or _SEGMENT_VARIABLE.match(x) or _SEGMENT_VARIABLE.match(y) for x, y in zip(parts_a, parts_b))


def _check_path_params(style: Style, path: str, item: Node, normalized: dict[str, str]) -> None:
    shape = _TEMPLATE.sub("%", path)
    if shape in normalized:
        style.report("SF108", f"paths {normalized[shape]} and {path} are equivalent", item)
    else:
        normalized[shape] = path
    template: list[str] = []
    for name in _TEMPLATE.findall(path):
        if name in template:
            style.report("SF108", f"path {path} uses the parameter {{{name}}} more than once", item)
        else:
            template.append(name)
    shared = _declared(style, item.child("parameters"))
    for method in METHODS:
        op = style.resolve(item.child(method))
        if not isinstance(op.value, dict):
            continue
        defined = dict(shared)
        defined.update(_declared(style, op.child("parameters")))
        for name, where in defined.items():
            if name not in template:
                style.report("SF108", f"path parameter {name!r} is not used in the path {path}", where)
        for name in template:
            if name not in defined:
                style.report("SF108", f"{method.upper()} {path} does not declare the path parameter {{{name}}}",
                             op)


def _declared(style: Style, params: Node) -> Declared:
    """The ``in: path`` parameters of one list; each not required, or declared twice, is reported."""
    result: Declared = {}
    for param in style.items(style.resolve(params)):
        value: Any = param.value
        if not isinstance(value, dict) or value.get("in") != "path" or "name" not in value:
            continue
        name = str(value["name"])
        if value.get("required") is not True:
            style.report("SF108", f"path parameter {name!r} must be `required: true`", param)
        if name in result:
            style.report("SF108", f"path parameter {name!r} is declared twice", param)
            continue
        result[name] = param
    return result
