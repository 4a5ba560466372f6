"""Request bodies as Prism 5 can read them: a form part of ``spaceDelimited``/``pipeDelimited`` encoding crashes
Prism's reader when it holds an object (the server exits) and is not split when it holds an array (422 "must be
array"), so the copy leaves out such a part's encoding and schema; Prism then checks the rest of the form, and the
in-process tests check how the SDK encodes the part."""

from __future__ import annotations

from functools import partial
from typing import Any

from generator.targets.mock_spec.edits import Edits, local
from generator.targets.mock_spec.parameters import DELIMITED
from generator.targets.mock_spec.places import operations


def readable_parts(data: Any) -> Edits:
    edits: Edits = {}
    for path, _, op in operations(data):
        content = op.get("requestBody", {}).get("content") if isinstance(op.get("requestBody"), dict) else None
        for media_type, media in content.items() if isinstance(content, dict) else ():
            names = _crashing_parts(data, media)
            if names:
                edits[path + ("requestBody", "content", media_type)] = partial(_without_parts, data, names)
    return edits


def _crashing_parts(data: Any, media: Any) -> frozenset[str]:
    encoding = media.get("encoding") if isinstance(media, dict) else None
    schema = local(data, media.get("schema")) if isinstance(media, dict) else None
    properties = schema.get("properties") if isinstance(schema, dict) else None
    if not isinstance(encoding, dict) or not isinstance(properties, dict):
        return frozenset()
    return frozenset(name for name, how in encoding.items() if isinstance(how, dict) and how.get("style") in DELIMITED
                     and name in properties)


def _without_parts(data: Any, names: frozenset[str], media: dict[str, Any]) -> dict[str, Any]:
    schema = local(data, media["schema"])
    properties = {k: {} if k in names else v for k, v in schema["properties"].items()}
    encoding = {k: v for k, v in media["encoding"].items() if k not in names}
    return {**media, "schema": {**schema, "properties": properties}, "encoding": encoding}
