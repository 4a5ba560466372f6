"""Multipart fields described as the SDKs send them. A field the spec gives no ``encoding`` goes in the bracket form
(the OpenAI API's and Lob's): an object as ``name[key]`` parts (nested ``name[a][b]``), a list as repeated ``name[]``
parts (files too). Measured on Prism 5: with ``encoding: {name: {style: deepObject, explode: true}}`` declared, Prism
gathers ``name[key]`` parts into the object ``name`` of a schema with ``properties`` and checks it (numbers and
booleans read from text, a missing required key reported); no such parts at all are every declared key undefined,
which a ``required`` key fails; it does not gather a union holding an object (``anyOf: [string, object]``: ``name``
is missing), nor an array (a deepObject array is never checked). Of repeated parts Prism keeps the last, as text.
So the copy gives an object field a ``deepObject`` encoding (an optional one: that object or none of its keys);
describes a list field as ``name[]``, its schema or its item (the last part is checked), required when ``name`` was
unless its items may be objects (sent as ``name[][key]`` parts, which Prism cannot gather); and does not require a
field that is a union holding an object or a list (the parts of either arrive under other names; a string is still
checked)."""

from __future__ import annotations

from typing import Any

from generator.targets.mock_spec.edits import local
from generator.targets.mock_spec.parameters import kinds, listed

DEEP_OBJECT = {"style": "deepObject", "explode": True}


def may_hold(data: Any, schema: Any, kind: str, depth: int = 0) -> bool:
    """Whether a value of ``schema`` may be of JSON type ``kind`` (its anyOf/oneOf/allOf parts read, $refs followed)."""
    schema = local(data, schema)
    if not isinstance(schema, dict) or depth > 8:
        return False
    variants = [v for key in ("anyOf", "oneOf", "allOf") for v in listed(schema.get(key))]
    return kind in kinds(schema) or any(may_hold(data, v, kind, depth + 1) for v in variants)


def bracketed(data: Any, fields: dict[str, Any], encoding: Any) -> frozenset[str]:
    """The fields of a multipart body the SDKs send in the bracket form: objects or lists with no declared encoding."""
    declared = encoding if isinstance(encoding, dict) else {}
    return frozenset(name for name, prop in fields.items() if name not in declared
                     and (may_hold(data, prop, "object") or may_hold(data, prop, "array")))


def described(data: Any, names: frozenset[str], fields: dict[str, Any], required: list[str],
              encoding: dict[str, Any]) -> tuple[dict[str, Any], list[str], dict[str, Any]]:
    """The form's properties, required names and encoding with the ``names`` described as they are sent."""
    properties: dict[str, Any] = {}
    renamed: dict[str, str | None] = {}  # a required name -> what is required in its place (None: nothing)
    for name, prop in fields.items():
        schema = local(data, prop)
        kind = kinds(schema) - {"null"} if isinstance(schema, dict) and not _union(schema) else set()
        if name not in names:
            properties[name] = prop
        elif kind == {"object"}:
            properties[name] = prop if name in required else _sent_or_absent(prop, schema)
            encoding = {**encoding, name: DEEP_OBJECT}
        elif kind == {"array"} and isinstance(schema.get("items"), dict):
            properties[name + "[]"] = {"anyOf": [prop, schema["items"]]}
            renamed[name] = None if may_hold(data, schema["items"], "object") else name + "[]"
        else:
            properties[name], renamed[name] = prop, None
    kept = [renamed.get(n, n) for n in required]
    return properties, [n for n in kept if n is not None], encoding


def _sent_or_absent(prop: Any, schema: dict[str, Any]) -> Any:
    """An optional object field: the object, or none of its keys (Prism gathers an absent one as every key undefined,
    which fails its required keys and ``maxProperties``, but no ``required``)."""
    keys = schema.get("properties")
    if not schema.get("required") or not isinstance(keys, dict) or not keys:
        return prop
    none = {"not": {"anyOf": [{"required": [key]} for key in keys]}}
    return {"type": "object", "properties": keys, "anyOf": [prop, none]}  # Prism gathers keys by `properties`


def _union(schema: dict[str, Any]) -> bool:
    return any(isinstance(schema.get(key), list) for key in ("anyOf", "oneOf", "allOf"))
