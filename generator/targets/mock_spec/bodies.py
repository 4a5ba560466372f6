"""Request bodies as Prism 5 can read them. A form part of ``spaceDelimited``/``pipeDelimited`` encoding crashes
Prism's reader when it holds an object (the server exits) and is not split when it holds an array (422 "must be
array"): the copy leaves out such a part's encoding and schema, so Prism checks the rest of the form. An array field
of a form body with one item arrives as one ``name=value`` pair, which Prism reads as the item, not an array (422
"must be array"): the copy lets such a field be its item too. Multipart fields with no declared encoding are
described as the SDKs send them, in the bracket form (``brackets``). A multipart field declared ``contentType:
application/json`` holding an object is one JSON part, which Prism keeps as its text without parsing it (422 "must be
object"): the copy lets such a field (an array field's object item) be a string too. A form schema built with
``allOf`` is read as one object. The in-process tests check how the SDK encodes them.
A required form body without a required field may be empty, and an empty form is no bytes at all, which Prism reads
as no body (422 "Body parameter is required"): the copy does not require it. A request that leaves out an optional
body carries no Content-Type, which Prism still checks against the body's media types (422 "Supported content types"):
the copy adds ``*/*`` to an optional body's media types. A body of a GET (Swagger 2.0 specs declare some) is not
required: fetch cannot send one, so the TypeScript SDK leaves it out."""

from __future__ import annotations

from functools import partial
from typing import Any

from generator.targets.mock_spec.brackets import bracketed, described, may_hold
from generator.targets.mock_spec.edits import Edits, KeyPath, key_path, local
from generator.targets.mock_spec.parameters import DELIMITED, kinds, listed
from generator.targets.mock_spec.places import operations

FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")


def readable_forms(data: Any) -> Edits:
    edits: Edits = {}
    for path, _, op in operations(data):
        where, body = _body(data, path, op.get("requestBody"))  # a shared body (opensearch's GET /_mget) edited there
        content = body.get("content") if isinstance(body, dict) else None
        if where is None or not isinstance(body, dict) or not isinstance(content, dict):
            continue
        forms = [(t, m) for t, m in content.items() if _is_form(t)]
        for media_type, media in forms:
            multipart = media_type.lower().startswith("multipart/") and isinstance(media, dict)
            brackets = bracketed(data, _properties(data, media), media.get("encoding")) if multipart else frozenset()
            unchecked, arrays = _crashing_parts(data, media), _array_fields(data, media) - brackets
            texts = _json_parts(data, media) - brackets if multipart else frozenset()
            if unchecked or arrays or texts or brackets:
                edits[where + ("content", media_type)] = partial(
                    _readable, data, unchecked, arrays, texts, brackets)
        empty_form = bool(forms) and len(forms) == len(content) and not any(_required(data, m) for _, m in forms)
        if not body.get("required") or empty_form or path[-1] in ("get", "head"):
            edits[where] = _optional
    return edits


def _body(data: Any, path: KeyPath, body: Any) -> tuple[KeyPath | None, Any]:
    ref = body.get("$ref") if isinstance(body, dict) else None
    if isinstance(ref, str) and ref.startswith("#/"):
        return key_path(data, ref), local(data, body)
    return path + ("requestBody",), body


def _is_form(media_type: Any) -> bool:
    return isinstance(media_type, str) and media_type.split(";")[0].strip().lower() in FORMS


def _required(data: Any, media: Any) -> bool:
    schema = local(data, media.get("schema")) if isinstance(media, dict) else None
    return not isinstance(schema, dict) or bool(schema.get("required")) or "properties" not in schema


def _optional(body: dict[str, Any]) -> dict[str, Any]:
    content: dict[str, Any] = body["content"]  # a mapping: readable_forms checked it
    return {**body, "required": False, "content": {**content, "*/*": content.get("*/*", {})}}


def _properties(data: Any, media: Any) -> dict[str, Any]:
    return _fields(data, media.get("schema") if isinstance(media, dict) else None)[0]


def _fields(data: Any, schema: Any, depth: int = 0) -> tuple[dict[str, Any], list[str]]:
    """A form schema's properties and required names, its allOf parts' too (a local $ref followed)."""
    schema = local(data, schema)
    if not isinstance(schema, dict) or depth > 8:
        return {}, []
    properties: dict[str, Any] = {}
    required: list[str] = []
    for part in listed(schema.get("allOf")):
        more, names = _fields(data, part, depth + 1)
        properties.update(more)
        required += names
    properties.update(schema["properties"] if isinstance(schema.get("properties"), dict) else {})
    required += [n for n in schema.get("required") or [] if isinstance(n, str)] if isinstance(schema.get("required"), list) else []
    return properties, required


def _json_parts(data: Any, media: Any) -> frozenset[str]:
    """The multipart fields without a declared style that may hold an object (or a list of objects)."""
    encoding = media.get("encoding") if isinstance(media, dict) else None
    styled = {k for k, v in encoding.items() if isinstance(v, dict) and "style" in v} if isinstance(encoding, dict) else set()
    return frozenset(name for name, prop in _properties(data, media).items() if name not in styled and (
        may_hold(data, prop, "object") or may_hold(data, (local(data, prop) or {}).get("items"), "object")))


def _crashing_parts(data: Any, media: Any) -> frozenset[str]:
    encoding = media.get("encoding") if isinstance(media, dict) else None
    properties = _properties(data, media)
    if not isinstance(encoding, dict):
        return frozenset()
    return frozenset(name for name, how in encoding.items() if isinstance(how, dict) and how.get("style") in DELIMITED
                     and name in properties)


def _array_fields(data: Any, media: Any) -> frozenset[str]:
    fields = {name: local(data, prop) for name, prop in _properties(data, media).items()}
    return frozenset(name for name, prop in fields.items() if kinds(prop) == {"array"} and isinstance(prop.get("items"), dict))


def _readable(data: Any, unchecked: frozenset[str], arrays: frozenset[str], texts: frozenset[str],
              brackets: frozenset[str], media: dict[str, Any]) -> dict[str, Any]:
    schema = local(data, media["schema"])
    fields, required = _fields(data, schema)
    properties = {k: {} if k in unchecked else _or_item(data, v, k in texts) if k in arrays else _or_text(v) if k in texts
                  else v for k, v in fields.items()}
    encoding = {k: v for k, v in media.get("encoding", {}).items() if k not in unchecked}
    properties, required, encoding = described(data, brackets, properties, list(dict.fromkeys(required)), encoding)
    flat = {k: v for k, v in schema.items() if k != "allOf"}  # the allOf parts' properties are all in `properties`
    flat.pop("required", None)
    flat.update({"properties": properties}, **({"required": required} if required else {}))
    return {**media, "schema": flat, **({"encoding": encoding} if encoding or "encoding" in media else {})}


def _or_item(data: Any, prop: Any, text: bool) -> dict[str, Any]:
    item = local(data, prop)["items"]
    return {"anyOf": [prop, _or_text(item) if text and may_hold(data, item, "object") else item]}


def _or_text(prop: Any) -> dict[str, Any]:
    return {"anyOf": [prop, {"type": "string"}]}
