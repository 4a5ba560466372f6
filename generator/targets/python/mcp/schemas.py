"""Neutral type expressions as JSON Schema (draft 2020-12), by wire name, with ``$defs`` for the named schemas.

Named schemas are followed to a bounded depth: a tool's schema stays small enough for an agent's context, and what
lies deeper is any object (the server passes it on unchecked; the API judges it).
"""

from __future__ import annotations

from typing import Any

from generator import model

MAX_DEPTH = 3  # named schemas followed from a tool's arguments before the rest is "any object"

_SCALARS: dict[str, dict[str, Any]] = {
    "string": {"type": "string"},
    "integer": {"type": "integer"},
    "number": {"type": "number"},
    "boolean": {"type": "boolean"},
    "bytes": {"type": "string", "contentEncoding": "base64"},
    "date": {"type": "string", "format": "date"},
    "datetime": {"type": "string", "format": "date-time"},
}
FILE = {"type": "string", "contentEncoding": "base64", "description": "the file's content, base64-encoded"}


class Schemas:
    """Builds the schemas of one tool; ``defs`` collects the named schemas they refer to."""

    def __init__(self, api: model.Api, depth: int = MAX_DEPTH) -> None:
        self.api = api
        self.depth = depth
        self.defs: dict[str, dict[str, Any]] = {}
        self._names: dict[int, str] = {}

    def of(self, t: model.TypeExpr, level: int = 0) -> dict[str, Any]:
        """The JSON Schema of ``t``; named schemas become ``$ref``s into ``defs`` up to the depth bound."""
        if isinstance(t, model.Scalar):
            found = dict(_SCALARS.get(t.kind, {}))
            if t.format and "format" not in found and t.kind in ("string", "integer", "number"):
                found["format"] = t.format
            return found
        if isinstance(t, model.Ref):
            return self._ref(t.id, level)
        if isinstance(t, model.ListOf):
            return {"type": "array", "items": self.of(t.item, level)}
        if isinstance(t, model.TupleOf):
            return {"type": "array", "prefixItems": [self.of(i, level) for i in t.items]}
        if isinstance(t, model.MapOf):
            return {"type": "object", "additionalProperties": self.of(t.value, level)}
        if isinstance(t, model.Union):
            return {"anyOf": [self.of(i, level) for i in t.items]}
        if isinstance(t, model.Literal):
            return _literal(t)
        if isinstance(t, model.Nullable):
            return {"anyOf": [self.of(t.inner, level), {"type": "null"}]}
        if isinstance(t, model.NoneType):
            return {"type": "null"}
        if isinstance(t, model.File):
            return dict(FILE)
        return {}  # model.Any

    def object(self, schema: model.Schema, level: int) -> dict[str, Any]:
        """An object schema: its properties by wire name (read-only ones left out of what a tool sends)."""
        props = [p for p in schema.properties if not p.read_only]
        result: dict[str, Any] = {"type": "object", "properties": {p.wire_name: self._property(p, level) for p in props}}
        required = [p.wire_name for p in props if p.required]
        if required:
            result["required"] = required
        if schema.description:
            result["description"] = schema.description
        return result

    def _property(self, prop: model.Property, level: int) -> dict[str, Any]:
        found = self.of(prop.type, level)
        return {**found, "description": prop.description} if prop.description and "$ref" not in found else found

    def _ref(self, ref_id: int, level: int) -> dict[str, Any]:
        if level >= self.depth:
            return {"description": "(not expanded here: see the API reference)"}
        name = self._name(ref_id)
        if name not in self.defs:
            self.defs[name] = {}  # reserved first: a recursive schema refers to itself
            schema = self.api.schemas[ref_id]
            if schema.kind == "alias" and schema.alias_of is not None:
                self.defs[name] = self.of(schema.alias_of, level + 1)
            else:
                self.defs[name] = self.object(schema, level + 1)
        return {"$ref": f"#/$defs/{name}"}

    def _name(self, ref_id: int) -> str:
        """A ``$defs`` key: the schema's wire name, suffixed when two schemas share one."""
        if ref_id not in self._names:
            base = self.api.schemas[ref_id].wire_name or f"schema{ref_id}"
            taken = set(self._names.values())
            name, n = base, 2
            while name in taken:
                name, n = f"{base}{n}", n + 1
            self._names[ref_id] = name
        return self._names[ref_id]


def _literal(t: model.Literal) -> dict[str, Any]:
    values = list(t.values)
    if not t.open:
        return {"enum": values}
    kinds = sorted({"string" if isinstance(v, str) else "number" for v in values if v is not None})
    return {"anyOf": [{"type": kinds[0] if len(kinds) == 1 else kinds}, {"enum": values}]}
