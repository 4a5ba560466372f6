"""Path parameter names Prism 5 cannot route: a name holding a regular-expression character (``{execution.id}``)
makes Prism compare the template with the request literally, so every call answers 404 or 405. The copy renames
such parameters (``execution_id``), in the template and in their definitions alike; the SDK fills the template by
position, so the request it sends is the same."""

from __future__ import annotations

import re
from typing import Any

from generator.load.kinds import PLACEHOLDER
from generator.targets.mock_spec.edits import Edits
from generator.targets.mock_spec.places import inline_parameters, paths

UNROUTABLE = re.compile(r"[.*+?^$()|\[\]\\]")


def routable_names(data: Any) -> Edits:
    """Edits renaming every unroutable path parameter: the keys of ``paths``, and each ``in: path`` definition."""
    renamed = [key for key in paths(data) if isinstance(key, str) and _unroutable(key)]
    if not renamed:
        return {}
    edits: Edits = {("paths",): _with_routable_keys}
    for path, _, param in inline_parameters(data):
        name = param.get("name")
        if param.get("in") == "path" and isinstance(name, str) and UNROUTABLE.search(name):
            edits[path] = _with_routable_name
    return edits


def _unroutable(key: str) -> bool:
    return any(UNROUTABLE.search(name) for name in PLACEHOLDER.findall(key))


def routable(name: str) -> str:
    return UNROUTABLE.sub("_", name)


def _with_routable_keys(items: dict[Any, Any]) -> dict[Any, Any]:
    return {PLACEHOLDER.sub(lambda m: "{" + routable(m.group(1)) + "}", k) if isinstance(k, str) else k: v
            for k, v in items.items()}


def _with_routable_name(param: dict[str, Any]) -> dict[str, Any]:
    return {**param, "name": routable(param["name"])}
