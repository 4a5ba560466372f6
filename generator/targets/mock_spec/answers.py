"""Response examples of another kind than their schema (an array where the schema is an object: okta's
``createInterclientTrustMappingResponse``): Prism 5 answers with the example, and the SDK refuses a body that is not
its model at all (fields it reads leniently). The copy leaves such examples out, so Prism builds the answer from the
schema."""

from __future__ import annotations

from functools import partial
from typing import Any

from generator.targets.mock_spec.edits import Edits, KeyPath, local, without_keys
from generator.targets.mock_spec.responses import _responses

KINDS = {dict: "object", list: "array", str: "string", bool: "boolean", int: "integer", float: "number"}


def of_their_schemas_kind(data: Any) -> Edits:
    edits: Edits = {}
    for where, response in _responses(data):
        content = response.get("content") if isinstance(response, dict) else None
        for media_type, media in content.items() if isinstance(content, dict) else ():
            allowed = _kinds(local(data, media.get("schema"))) if isinstance(media, dict) else None
            if allowed:
                edits.update(_misfits(data, where + ("content", media_type), media, allowed))
    return edits


def _kinds(schema: Any) -> frozenset[str] | None:
    """The JSON kinds a schema allows, None when it does not say (no ``type``, a union)."""
    if not isinstance(schema, dict):
        return None
    kind = schema.get("type")
    declared = {kind} if isinstance(kind, str) else set(kind) if isinstance(kind, list) else set()
    if not declared and "properties" in schema and not any(k in schema for k in ("allOf", "anyOf", "oneOf")):
        declared = {"object"}
    if not declared:
        return None
    return frozenset(declared | ({"integer"} if "number" in declared else set())
                     | ({"null"} if schema.get("nullable") is True else set()))


def _fits(value: Any, allowed: frozenset[str]) -> bool:
    return ("null" if value is None else KINDS.get(type(value), "")) in allowed


def _misfits(data: Any, where: KeyPath, media: dict[str, Any], allowed: frozenset[str]) -> Edits:
    edits: Edits = {}
    if "example" in media and not _fits(media["example"], allowed):
        edits[where] = partial(without_keys, frozenset({"example"}))
    examples = media.get("examples")
    entries = examples.items() if isinstance(examples, dict) else ()
    misfit = frozenset(name for name, entry in entries if isinstance(found := local(data, entry), dict)
                       and "value" in found and not _fits(found["value"], allowed))
    if misfit:
        edits[where + ("examples",)] = partial(without_keys, misfit)
    return edits
