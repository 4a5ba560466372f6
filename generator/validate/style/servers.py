"""Server variables (oas3-server-variables): declared, used, defaulted, in their enum, substituting to valid URLs."""

from __future__ import annotations

import itertools
import re
from typing import Any
from urllib.parse import quote, urlsplit

from generator.validate.style.context import METHODS, Node, Style

_VARIABLE = re.compile(r"\{(.+?)\}")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_SPECIAL = ("http", "https", "ws", "wss", "ftp")
_VARIABLE_KEYS = {"enum": list, "default": str, "description": str, "examples": str}
_MAX_INVALID = 5


def check_servers(style: Style, root: Node) -> None:
    """Every Server Object Spectral's rule looks at: top-level, path items', operations' and links' servers."""
    for server in style.items(root.child("servers")):
        check_server(style, server)
    for _path, item in style.members(root.child("paths")):
        for server in style.items(item.child("servers")):
            check_server(style, server)
        for method in METHODS:
            op = style.resolve(item.child(method))
            for server in style.items(op.child("servers")):
                check_server(style, server)


def check_server(style: Style, server: Node) -> None:
    value = server.value
    if not _valid_input(value):
        style.report("SF118", "invalid Server Object (a `url` string; variables with a string `default`, "
                              "`description`, `examples` and an `enum` of strings)", server)
        return
    url, variables = value["url"], value.get("variables") or {}
    found = list(dict.fromkeys(_VARIABLE.findall(url))) if variables or _VARIABLE.search(url) else []
    for name in variables:
        if name not in found:
            style.report("SF118", f"server variable {name!r} is not used in the URL",
                         server.child("variables").child(name))
    if not found:
        return
    missing = [name for name in found if name not in variables]
    if missing:
        style.report("SF118", f"server variables not described under `variables`: {', '.join(missing)}",
                     server.child("variables") if "variables" in value else server)
    pairs = _pairs(style, server, found, variables)
    _check_substitutions(style, server, url, pairs)


def _pairs(style: Style, server: Node, found: list[str], variables: dict[str, Any]) -> list[tuple[str, list[str]]]:
    pairs: list[tuple[str, list[str]]] = []
    for name, variable in variables.items():
        if name not in found:
            continue
        where = server.child("variables").child(name)
        if "enum" in variable:
            pairs.append((name, variable["enum"]))
            if "default" in variable and variable["default"] not in variable["enum"]:
                style.report("SF118", f"server variable {name!r} has a default not listed in its enum",
                             where.child("default"))
        else:
            pairs.append((name, [variable["default"]] if "default" in variable else []))
        if "default" not in variable:
            style.report("SF118", f"server variable {name!r} has no default", where)
    return pairs


def _check_substitutions(style: Style, server: Node, url: str, pairs: list[tuple[str, list[str]]]) -> None:
    if not pairs:
        return
    invalid: list[str] = []
    for values in itertools.product(*(values for _name, values in pairs)):
        text = url
        for (name, _values), value in zip(pairs, values):
            text = text.replace("{" + name + "}", quote(value, safe="!#$&'()*+,-./:;=?@_~"))
        if not _valid_url(text):
            invalid.append(text)
            if len(invalid) == _MAX_INVALID:
                break
    if invalid:
        style.report("SF118", f"substituting the server variables gives invalid URLs: {', '.join(invalid)}",
                     server.child("variables"))


def _valid_url(text: str) -> bool:
    """Whether WHATWG's URL parser (JavaScript's ``new URL``) accepts ``text`` as an absolute URL (closely enough)."""
    if not _SCHEME.match(text) or any(c in text for c in " <>\"`{}|\\^"):
        return False
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises on a port that is no number
    except ValueError:
        return False
    return parts.scheme.lower() not in _SPECIAL or bool(parts.hostname)


def _valid_input(value: Any) -> bool:
    if not isinstance(value, dict) or not isinstance(value.get("url"), str):
        return False
    variables = value.get("variables", {})
    if not isinstance(variables, dict):
        return False
    for variable in variables.values():
        if not isinstance(variable, dict):
            return False
        for key, item in variable.items():
            kind = _VARIABLE_KEYS.get(key)
            if kind is None and not str(key).startswith("x-"):
                return False
            if kind is not None and not isinstance(item, kind):
                return False
            if key == "enum" and not all(isinstance(entry, str) for entry in item):
                return False
    return True
