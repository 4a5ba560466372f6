"""Swagger 2.0 schemas as OpenAPI 3.0 schemas: ``$ref``s, x-nullable, string discriminators, ``type: file``,
x-example."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from generator import pointer as json_pointer
from generator.load.swagger2 import refs
from generator.load.swagger2.origins import Notes

_SUBSCHEMA = frozenset(("items", "additionalProperties", "not"))
_SUBSCHEMA_MAPS = frozenset(("properties", "patternProperties"))
_SUBSCHEMA_LISTS = frozenset(("allOf", "anyOf", "oneOf"))


def _dangling(value: Any, notes: Notes) -> bool:
    """Whether ``value`` is a ``#/definitions/X`` reference to a definition the document lacks."""
    if not isinstance(value, str) or not value.startswith("#/definitions/"):
        return False
    tokens = json_pointer.split(unquote(value[1:]))
    return len(tokens) >= 2 and tokens[1] not in notes.definitions


def schema(obj: Any, ptr: str, notes: Notes) -> Any:
    """The 3.0 schema for the 2.0 schema ``obj`` at ``ptr`` (a new container, its origin noted)."""
    if not isinstance(obj, dict):
        return obj
    out: dict[Any, Any] = {}
    for key, value in obj.items():
        if key == "$ref" and _dangling(value, notes):
            notes.warn("SF095", f"$ref {value!r} names no definition; read as any value", json_pointer.child(ptr, key))
        elif key == "$ref":
            out[key] = refs.ref(value)
        elif key in _SUBSCHEMA and isinstance(value, dict):
            out[key] = schema(value, json_pointer.child(ptr, key), notes)
        elif key in _SUBSCHEMA and isinstance(value, list):  # a list of item schemas (not 2.0): any one of them
            notes.warn("SF093", f"`{key}` is a list of schemas (not Swagger 2.0); read as a schema that is any of them",
                       json_pointer.child(ptr, key))
            listed = notes.note([schema(v, f"{ptr}/{key}/{i}", notes) for i, v in enumerate(value)], ptr + "/" + key)
            out[key] = notes.note(_without_null({"anyOf": listed}, "", notes), ptr + "/" + key)
        elif key in _SUBSCHEMA_MAPS and isinstance(value, dict):
            sub = json_pointer.child(ptr, key)
            out[key] = notes.note({k: schema(v, json_pointer.child(sub, k), notes) for k, v in value.items()}, sub)
        elif key in _SUBSCHEMA_LISTS and isinstance(value, list):
            out[key] = notes.note([schema(v, f"{ptr}/{key}/{i}", notes) for i, v in enumerate(value)], ptr + "/" + key)
        else:
            out[key] = value
    return notes.note(dialect(_without_null(out, ptr, notes)), ptr)


def _without_null(out: dict[Any, Any], ptr: str, notes: Notes) -> dict[Any, Any]:
    """JSON Schema's null type (not Swagger 2.0: ``type: [T, "null"]``, ``{type: "null"}`` among ``anyOf`` /
    ``oneOf``) as 3.0's ``nullable``; a list of other types as ``anyOf`` one type each."""
    kind = out.get("type")
    if kind == "null":
        if ptr:
            notes.warn("SF093", "type \"null\" (not Swagger 2.0) is read as any value, `nullable`", ptr + "/type")
        del out["type"]
        out["nullable"] = True
    elif isinstance(kind, list):
        if ptr:
            notes.warn("SF093", "a list of types (not Swagger 2.0) is read as one type, `nullable` when \"null\" "
                                "is listed", ptr + "/type")
        types = [t for t in kind if t not in ("null", None)]
        if len(types) != len(kind):
            out["nullable"] = True
        if len(types) == 1:
            out["type"] = types[0]
        else:
            del out["type"]
            if types:
                out["anyOf"] = [{"type": t} for t in types]
    for key in ("anyOf", "oneOf"):
        listed = out.get(key)
        if isinstance(listed, list) and any(_is_null(v) for v in listed):
            out[key] = [v for v in listed if not _is_null(v)]
            out["nullable"] = True
            if len(out[key]) == 1 and isinstance(out[key][0], dict) and len(out) == 2:  # {anyOf: [X], nullable}
                return {**out[key][0], "nullable": True} if "$ref" not in out[key][0] else \
                    {"allOf": out[key], "nullable": True}
    return out


def _is_null(value: Any) -> bool:
    """``{type: "null"}``, as written or upgraded (``{nullable: true}``)."""
    return value in ({"type": "null"}, {"nullable": True})


def dialect(out: dict[Any, Any]) -> dict[Any, Any]:
    """The 2.0-only keywords of one schema (its children upgraded already) in their 3.0 form."""
    if isinstance(out.get("discriminator"), str):
        out["discriminator"] = {"propertyName": out["discriminator"]}
    if out.get("type") == "file":
        out["type"], out["format"] = "string", "binary"
    if "x-example" in out:
        value = out.pop("x-example")
        out.setdefault("example", value)
    if "x-nullable" in out:
        nullable = out.pop("x-nullable")
        if nullable is True and "$ref" in out:  # siblings of a 3.0 `$ref` are ignored: wrap it
            target = {"$ref": out.pop("$ref")}
            return {"allOf": [target], "nullable": True, **out}
        if isinstance(nullable, bool):
            out["nullable"] = nullable
    return out
