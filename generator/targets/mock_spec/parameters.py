"""Parameters as Prism 5 can read them: no null in an array's type, no schema where its style reader crashes, only
the path parameters the path's template holds, and an exploded form object's keys where Prism looks for them."""

from __future__ import annotations

from functools import partial
from typing import Any

from generator.load.kinds import PLACEHOLDER
from generator.targets.mock_spec.edits import Edits, local
from generator.targets.mock_spec.places import inline_parameters, parameter_lists

DELIMITED = ("spaceDelimited", "pipeDelimited")


def nullable_arrays(data: Any) -> Edits:
    """An edit dropping null from the array schema of every inline parameter (paths and components)."""
    return {path + ("schema",): _without_null for path, _, p in inline_parameters(data)
            if isinstance(p.get("schema"), dict) and _nullable_array(p["schema"])}


def _nullable_array(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    if kind == "array":
        return schema.get("nullable") is True
    return isinstance(kind, list) and "array" in kind and "null" in kind


def _without_null(schema: dict[str, Any]) -> dict[str, Any]:
    return {**{k: v for k, v in schema.items() if k != "nullable"}, "type": "array"}


def unreadable_styles(data: Any) -> Edits:
    """An edit leaving the schema out of every parameter whose reading crashes Prism 5 (the server exits and every
    later test fails) or misreads it: a path parameter in ``label`` or ``matrix`` style or holding an array or object
    (Prism reads ``a=1,b=2`` as an object even where the schema says string), a header holding an array or object
    (an absent one crashes it), a ``spaceDelimited``/``pipeDelimited`` object. Prism then checks only that the
    parameter is there; the SDK's serialization of it is checked by the in-process tests."""
    return {path: _unchecked for path, _, p in inline_parameters(data) if _crashes_prism(data, p)}


def _crashes_prism(data: Any, param: dict[str, Any]) -> bool:
    where, style = param.get("in"), param.get("style")
    holds = kinds(local(data, param.get("schema")))
    if where == "path":
        return style in ("label", "matrix") or bool(holds & {"array", "object"})
    if where == "header":
        return bool(holds & {"array", "object"})
    return where == "query" and style in DELIMITED and "object" in holds


def kinds(schema: Any) -> set[str]:
    if not isinstance(schema, dict):
        return set()
    kind = schema.get("type")
    kinds = set(kind) if isinstance(kind, list) else {kind} if isinstance(kind, str) else set()
    return kinds | ({"object"} if "properties" in schema else set()) | ({"array"} if "items" in schema else set())


def _unchecked(param: dict[str, Any]) -> dict[str, Any]:
    dropped = ("style", "explode", "schema", "content", "example", "examples")
    return {**{k: v for k, v in param.items() if k not in dropped}, "schema": {}}


def outside_template(data: Any) -> Edits:
    """An edit dropping each path parameter its path's template does not hold (``sdkforge validate``: SF012): the SDK
    cannot send it, and Prism would answer 422 for the missing required parameter."""
    edits: Edits = {}
    for path, key, params in parameter_lists(data):
        names = frozenset(PLACEHOLDER.findall(key)) if isinstance(key, str) else frozenset()
        if any(_outside(data, p, names) for p in params):
            edits[path] = partial(_without_outside, data, names)
    return edits


def _outside(data: Any, param: Any, names: frozenset[str]) -> bool:
    found = local(data, param)
    return isinstance(found, dict) and found.get("in") == "path" and found.get("name") not in names


def _without_outside(data: Any, names: frozenset[str], params: list[Any]) -> list[Any]:
    return [p for p in params if not _outside(data, p, names)]


def exploded_object_keys(data: Any) -> Edits:
    """An edit giving an exploded ``form`` object parameter (the query's default) the properties its ``anyOf`` /
    ``oneOf`` / ``allOf`` parts declare: the SDK sends ``user_id=1`` for ``{user_id: 1}``, and Prism picks an
    exploded object's keys out of the query by the schema's own ``properties`` only (it read none: 422 "must have
    required property 'user_id'" on intercom's ``filter``). The parts still apply."""
    edits: Edits = {}
    for path, _, p in inline_parameters(data):
        schema = local(data, p.get("schema"))
        exploded = p.get("style", "form") == "form" and p.get("explode", True) is True and p.get("in") == "query"
        if exploded and "object" in kinds(schema) and _part_keys(data, schema):
            edits[path + ("schema",)] = partial(_with_part_keys, data)
    return edits


def _part_keys(data: Any, schema: dict[str, Any]) -> dict[str, Any]:
    """The properties the schema's parts declare that the schema itself does not."""
    own = _mapping(schema.get("properties"))
    found: dict[str, Any] = {}
    for key in ("anyOf", "oneOf", "allOf"):
        for part in listed(schema.get(key)):
            props = (local(data, part) or {}).get("properties") if isinstance(local(data, part), dict) else None
            found.update({k: v for k, v in props.items() if k not in own} if isinstance(props, dict) else {})
    return found


def _with_part_keys(data: Any, schema: Any) -> Any:
    resolved = local(data, schema)
    own = resolved.get("properties") if isinstance(resolved.get("properties"), dict) else {}
    return {**resolved, "properties": {**_part_keys(data, resolved), **own}}


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def listed(value: Any) -> list[Any]:
    """A keyword's list (``anyOf``, ``allOf``...), or none when the spec put something else there."""
    return value if isinstance(value, list) else []
