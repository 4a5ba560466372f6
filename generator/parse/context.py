"""The parse's shared state: the spec, the target, warnings, ``$ref`` resolution and the schemas met so far."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from openapi_pydantic import OpenAPI
from openapi_pydantic.v3 import v3_0, v3_1
from pydantic import BaseModel as _PydanticModel
from pydantic import ValidationError

from generator import pointer as jsonpointer
from generator.config import Target
from generator.errors import SpecError
from generator.model import Schema
from generator.parse.predicates import extra_ref, is_ref

if TYPE_CHECKING:
    from generator.parse.examples import ExampleBuilder
    from generator.parse.security import SecurityReader


@dataclass
class Lifted:
    """Schemas built so far (component and inline), keyed by (pointer, direction); ids index ``schemas``."""

    built: dict[tuple[str, str], int] = field(default_factory=dict)
    in_progress: dict[tuple[str, str], int] = field(default_factory=dict)
    schemas: list[Schema | None] = field(default_factory=list)

    def reserve(self) -> int:
        self.schemas.append(None)
        return len(self.schemas) - 1

    def finish(self, key: tuple[str, str], schema: Schema) -> None:
        self.schemas[schema.id] = schema
        self.built[key] = schema.id


class Context:
    """What every part of the parse reads: the spec, its source, the target's configuration and the warnings."""

    examples: ExampleBuilder  # made by the Parser, which puts the parts together
    security: SecurityReader

    def __init__(self, spec: OpenAPI, target: Target, *, source: str, raw: Mapping[str, Any]) -> None:
        self.spec = spec
        self.target = target
        self.source = source
        self.raw = raw
        self.lifted = Lifted()
        self.warnings: list[str] = []
        self.dropped_defaults: set[str] = set()  # pointers of defaults already warned about
        self.typed_as_part: dict[str, str] = {}  # pointer of an allOf no value meets -> pointer of the part typed
        self.openapi = str(spec.openapi)
        self.models = v3_0 if self.openapi.startswith("3.0") else v3_1  # openapi-pydantic's classes of the version
        self.read_as: dict[tuple[str, str], Any] = {}  # $ref targets read as a kind (_read_as)
        self.reads: set[str] = set()  # what the running unit (units.py) read: `$ref`s followed, components entered
        self._targets: dict[str, tuple[Any, str]] = {}  # each $ref's target and its pointer
        components = spec.components.schemas if spec.components else None
        self.component_schemas: Mapping[str, Any] = components or {}

    def resolve(self, node: Any, pointer: str, kind: str = "Schema") -> tuple[Any, str]:
        """Follow ``$ref`` chains to an object of ``kind`` (an openapi-pydantic class name: Schema, Parameter,
        RequestBody, Response, SecurityScheme); returns the target object and its pointer."""
        cls = type(node)
        if cls is _SCHEMA31 or cls is _SCHEMA30:  # most calls: a schema with nothing to follow (extra_ref, inlined)
            extra = node.__pydantic_extra__
            if not extra or not isinstance(extra.get("$ref"), str):
                return node, pointer
        elif not is_ref(node):
            return node, pointer
        seen: set[str] = set()
        origin = pointer
        while True:
            ref = node.ref if is_ref(node) else extra_ref(node)
            if ref is None:
                break
            if not ref.startswith("#/"):
                raise SpecError(f"unsupported $ref {ref!r}: only local references are followed", file=self.source, pointer=pointer)
            if ref in seen:
                raise SpecError(f"$ref cycle without an object in between: {ref}", file=self.source, pointer=pointer)
            seen.add(ref)
            node, pointer = self._target(ref, pointer)
        if seen and not isinstance(node, getattr(self.models, kind)):
            node = self._read_as(kind, node, pointer, origin)
        return node, pointer

    def _read_as(self, kind: str, node: Any, pointer: str, origin: str) -> Any:
        """A `$ref` target the structural parse left as plain data (an extension such as ``x-payload``, a mapping of
        webhooks or properties), read as ``kind``; a target of another kind is one located error."""
        key = (pointer, kind)
        if key in self.read_as:
            return self.read_as[key]
        raw = jsonpointer.walk(self.raw, pointer)
        what = f"a {type(node).__name__}" if isinstance(node, _PydanticModel) else f"a {type(raw).__name__} value"
        problem = SpecError(f"the $ref lands on {what} at {pointer}, where {_KINDS.get(kind, kind)} is expected",
                            file=self.source, pointer=origin, hint="point it at " + _KINDS.get(kind, kind))
        if isinstance(node, _PydanticModel) or not isinstance(raw, dict):
            raise problem
        try:
            self.read_as[key] = getattr(self.models, kind).model_validate(raw)
        except ValidationError:
            raise problem from None
        return self.read_as[key]

    def _target(self, ref: str, origin: str) -> tuple[Any, str]:
        """The object a local ``$ref`` names and its pointer (walked once per reference)."""
        self.reads.add(ref)
        found = self._targets.get(ref)
        if found is None:
            found = self._targets[ref] = (self._walk(ref, origin), jsonpointer.from_fragment(ref))
        return found

    def _walk(self, ref: str, origin: str) -> Any:
        node: Any = self.spec
        # not pointer.split: an empty first token ("#//x") is a key too
        for token in jsonpointer.from_fragment(ref)[1:].split("/"):
            node = _child(node, jsonpointer.unescape(token))
            if node is None:
                raise SpecError(f"unresolved $ref {ref!r}", file=self.source, pointer=origin, hint="check the name")
        return node

    def built(self, ref_id: int) -> Schema | None:
        """The schema with this id, None while it is still being built."""
        return self.lifted.schemas[ref_id]


_SCHEMA30, _SCHEMA31 = v3_0.Schema, v3_1.Schema
_ALIASES: dict[type, dict[str, str]] = {}
_KINDS = {"Schema": "a schema", "Parameter": "a parameter", "RequestBody": "a request body", "Response": "a response",
          "SecurityScheme": "a security scheme"}


def _child(node: Any, key: str) -> Any:
    """One step into the parsed spec: a mapping key, a list index or a field by its spec name (alias)."""
    found: Any = None
    if isinstance(node, dict):
        found = node.get(key)
    elif isinstance(node, list):
        found = node[int(key)] if key.isdigit() and int(key) < len(node) else None
    elif isinstance(node, _PydanticModel):
        cls = type(node)
        aliases = _ALIASES.get(cls)
        if aliases is None:
            aliases = {(f.alias or name): name for name, f in cls.model_fields.items()}
            _ALIASES[cls] = aliases
        found = getattr(node, aliases[key]) if key in aliases else (node.model_extra or {}).get(key)
    return found
