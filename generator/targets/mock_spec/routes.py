"""Path templates Prism routes another operation's request to. Prism 5 ranks the templates a request matches by their
segments (one equal to the request's counts 1, a parameter 0.5) and takes the last of equal rank, so of
``/{alicloud_mount_path}/config`` and ``/{azure_mount_path}/config`` one serves both calls (vault: 422 for the other
body, or the other response). Where a template collides with another that shares a method, each of its path
parameters sent as its default (``parse.examples.route_default``: ``alicloud``) is written into the copy's template
(``/alicloud/config``, which Prism ranks first for that request) and leaves the path item's parameter lists."""

from __future__ import annotations

from collections import defaultdict
from functools import partial
from typing import Any

from generator.load.kinds import METHODS, PLACEHOLDER
from generator.parse.examples import route_default
from generator.targets.mock_spec.edits import Edits, local
from generator.targets.mock_spec.path_names import UNROUTABLE
from generator.targets.mock_spec.places import parameter_lists, paths


def pinned_defaults(data: Any) -> Edits:
    items = {key: item for key, item in paths(data).items()
             if isinstance(key, str) and isinstance(item, dict) and not UNROUTABLE.search(key)}
    shapes: dict[int, list[str]] = defaultdict(list)
    for key in items:
        shapes[key.count("/")].append(key)
    pins: dict[str, dict[str, str]] = {}
    for key, item in items.items():
        defaults = _defaults(data, key, item)
        methods = _methods(item)
        if defaults and any(other != key and methods & _methods(items[other]) and _collide(key, other)
                            for other in shapes[key.count("/")]):
            pins[key] = defaults
    pinned = [_pinned(key, values) for key, values in pins.items()]
    taken = set(items) | {p for p in pinned if pinned.count(p) > 1}
    pins = {key: values for (key, values), p in zip(pins.items(), pinned) if p not in taken}  # keys stay unique
    if not pins:
        return {}
    edits: Edits = {("paths",): partial(_pinned_keys, pins)}
    for where, key, _ in parameter_lists(data):
        if key in pins:
            edits[where] = partial(_without, data, frozenset(pins[key]))
    return edits


def _methods(item: dict[str, Any]) -> frozenset[str]:
    return frozenset(m for m in METHODS if isinstance(item.get(m), dict))


def _collide(a: str, b: str) -> bool:
    """Whether one request path can match both templates (a segment holding a parameter matches any)."""
    return all(x == y or "{" in x or "{" in y for x, y in zip(a.split("/"), b.split("/"), strict=True))


def _defaults(data: Any, key: str, item: dict[str, Any]) -> dict[str, str]:
    """The template's parameters every operation of the path item sends as their default."""
    shared = _path_params(data, item.get("parameters"))
    found: dict[str, set[str | None]] = defaultdict(set)
    for method in _methods(item):
        own = {**shared, **_path_params(data, item[method].get("parameters"))}
        for name in PLACEHOLDER.findall(key):
            found[name].add(_default(data, own.get(name)))
    return {name: value for name, values in found.items() if len(values) == 1 and (value := next(iter(values)))}


def _path_params(data: Any, params: Any) -> dict[str, dict[str, Any]]:
    found = (local(data, p) for p in params) if isinstance(params, list) else ()
    return {p["name"]: p for p in found
            if isinstance(p, dict) and p.get("in") == "path" and isinstance(p.get("name"), str)}


def _default(data: Any, param: dict[str, Any] | None) -> str | None:
    schema = local(data, param.get("schema")) if param is not None and "example" not in param else None
    if not isinstance(schema, dict):
        return None
    return route_default(schema.get("default"), schema.get("example") or schema.get("examples"))


def _pinned_keys(pins: dict[str, dict[str, str]], items: dict[Any, Any]) -> dict[Any, Any]:
    return {_pinned(k, pins[k]) if k in pins else k: v for k, v in items.items()}


def _pinned(key: str, values: dict[str, str]) -> str:
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), key)


def _without(data: Any, names: frozenset[str], params: list[Any]) -> list[Any]:
    return [p for p in params if not (isinstance(found := local(data, p), dict) and found.get("in") == "path"
                                      and found.get("name") in names)]
