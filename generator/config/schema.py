"""The JSON Schema (draft 2020-12) of the configuration, derived from the models the reader validates with."""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from generator.config.models import Config

DRAFT = "https://json-schema.org/draft/2020-12/schema"


class _NoFieldTitles(GenerateJsonSchema):
    """Field titles would only repeat the key ("Api Key Env"); the descriptions say what a key is for."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False


def config_schema() -> dict[str, Any]:
    """The schema of ``[tool.sdkforge]`` (or of a whole sdkforge.yaml)."""
    schema = Config.model_json_schema(by_alias=True, mode="validation", schema_generator=_NoFieldTitles)
    body = {key: value for key, value in schema.items() if key not in ("$defs", "title")}
    return {"$schema": DRAFT, "title": "sdkforge configuration", **body, "$defs": schema["$defs"]}


def pyproject_schema() -> dict[str, Any]:
    """A schema for a whole pyproject.toml that checks only its ``[tool.sdkforge]`` table (for ``#:schema``)."""
    table = config_schema()
    definitions = table.pop("$defs")
    del table["$schema"]
    return {
        "$schema": DRAFT,
        "title": "pyproject.toml with [tool.sdkforge]",
        "type": "object",
        "properties": {"tool": {"type": "object", "properties": {"sdkforge": {"$ref": "#/$defs/Config"}}}},
        "$defs": {**definitions, "Config": table},
    }


def node_at(schema: dict[str, Any], path: tuple[str | int, ...]) -> dict[str, Any]:
    """The subschema that describes the value at ``path``; {} when the schema says nothing about it."""
    node = _deref(schema, schema)
    for part in path:
        if isinstance(part, int):
            node = node.get("items", {})
        elif part in node.get("properties", {}):
            node = node["properties"][part]
        elif isinstance(node.get("additionalProperties"), dict):
            node = node["additionalProperties"]
        elif any(re.search(pattern, part) for pattern in node.get("patternProperties", {})):
            node = next(v for k, v in node["patternProperties"].items() if re.search(k, part))
        else:
            return {}
        node = _deref(node, schema)
    return node


def _deref(node: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref", "")
    if ref.startswith("#/$defs/"):
        return {**schema["$defs"][ref.removeprefix("#/$defs/")], **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def render(pyproject: bool = False) -> str:
    return json.dumps(pyproject_schema() if pyproject else config_schema(), indent=2) + "\n"
