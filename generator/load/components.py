"""The component schemas bundling adds: one stable, unique name per (file, pointer), queued until copied in."""

from __future__ import annotations

from collections import deque
from pathlib import Path
from typing import Any

from generator import pointer as json_pointer
from generator.errors import SpecError
from generator.load.document import Document
from generator.load.sources import Sources
from generator.load.swagger2 import is_swagger2

SCHEMA_PREFIX = "/components/schemas/"
SWAGGER2_PREFIX = "/definitions/"  # a Swagger 2.0 document is bundled as 2.0 (swagger2/ upgrades it afterwards)

# pointer tokens that say where a schema sits rather than what it is: skipped when naming a component
_STRUCTURAL = frozenset(
    ("components", "schemas", "definitions", "$defs", "properties", "patternProperties", "items", "additionalProperties",
     "allOf", "anyOf", "oneOf", "not", "prefixItems", "schema", "content", "paths", "parameters", "responses",
     "requestBody", "requestBodies", "headers", "get", "put", "post", "delete", "patch", "options", "head", "trace")
)


class ComponentSchemas:
    """Names given to schemas from other files, the schemas still to copy, and those copied (by name, in order)."""

    def __init__(self, sources: Sources) -> None:
        self.sources = sources
        self.root = sources.root
        self.prefix = SWAGGER2_PREFIX if is_swagger2(self.root.data) else SCHEMA_PREFIX
        found = json_pointer.walk(self.root.data, self.prefix[:-1])
        self.root_schemas: dict[Any, Any] = found if isinstance(found, dict) else {}
        self.names: dict[tuple[Path, str], str] = {}  # (file, pointer) -> component schema name
        self.taken: set[str] = {str(name).casefold() for name in self.root_schemas}
        self.pending: deque[tuple[str, Document, str, Any]] = deque()
        self.schemas: dict[str, Any] = {}  # component schemas added or replaced, by name, in order

    def seed(self) -> None:
        """``components: schemas: Pet: {$ref: pet.yaml}``: the referenced schema becomes ``Pet`` itself."""
        for name, value in self.root_schemas.items():
            if not (isinstance(value, dict) and len(value) == 1 and isinstance(value.get("$ref"), str)):
                continue
            ref = value["$ref"]
            if ref.startswith("#"):
                continue
            rptr = json_pointer.child(self.prefix[:-1], name) + "/$ref"
            try:
                target, pointer, found = self.sources.target(ref, self.root, rptr)
            except SpecError:
                continue  # reported where the walk meets the reference
            key = (self.sources.key(target.path), pointer)
            if isinstance(target, Document) and target is not self.root and key not in self.names:
                self.names[key] = str(name)
                self.pending.append((str(name), target, pointer, found))

    def local_pointer(self, target: Document, pointer: str, value: Any) -> str:
        """The local pointer that a schema at (target, pointer) has in the bundled document."""
        if target is self.root:
            tokens = json_pointer.split(pointer)
            depth = self.prefix.count("/")
            if len(tokens) == depth and pointer.startswith(self.prefix) and tokens[-1] in self.root_schemas:
                return pointer
        key = (self.sources.key(target.path), pointer)
        name = self.names.get(key)
        if name is None:
            name = self._unique_name(target.path, pointer)
            self.names[key] = name
            self.pending.append((name, target, pointer, value))
        return self.prefix + json_pointer.escape(name)

    def _unique_name(self, path: Path, pointer: str) -> str:
        wanted = _wanted_name(path.stem, json_pointer.split(pointer))
        candidates = [wanted]
        if path.stem and path.stem.casefold() != wanted.casefold():
            candidates.append(f"{path.stem}_{wanted}")
        if path.parent.name:
            candidates.append(f"{path.parent.name}_{wanted}")
        for candidate in candidates:
            if candidate.casefold() not in self.taken:
                self.taken.add(candidate.casefold())
                return candidate
        n = 2
        while f"{wanted}_{n}".casefold() in self.taken:
            n += 1
        self.taken.add(f"{wanted}_{n}".casefold())
        return f"{wanted}_{n}"

    def merged_into(self, data: dict[str, Any]) -> dict[str, Any]:
        """``data`` (a new top-level mapping when there are schemas to add) with the copied schemas in its components."""
        if not self.schemas:
            return data
        data = dict(data)
        if self.prefix == SWAGGER2_PREFIX:
            definitions = data.get("definitions")
            data["definitions"] = {**(definitions if isinstance(definitions, dict) else {}), **self.schemas}
            return data
        components = data.get("components")
        components = dict(components) if isinstance(components, dict) else {}
        schemas = components.get("schemas")
        schemas = dict(schemas) if isinstance(schemas, dict) else {}
        schemas.update(self.schemas)
        components["schemas"] = schemas
        data["components"] = components
        return data


def _wanted_name(stem: str, tokens: list[str]) -> str:
    """The fragment's last meaningful token (with the structural ones after it), else the file's stem."""
    parts: list[str] = []
    for token in reversed(tokens):
        parts.append(token)
        if token not in _STRUCTURAL and not token.isdigit():
            break
    else:
        parts = [t for t in parts if t not in ("components", "schemas", "definitions", "$defs")]
        parts.append(stem)
    return "_".join(reversed(parts)) or stem or "Schema"


def discriminator_mapping(schemas: ComponentSchemas, value: dict[Any, Any], doc: Document, ptr: str) -> dict[Any, Any]:
    """``value`` (a discriminator) with mapping values that are references (not bare schema names) pointing at the
    bundled component schemas; ``value`` itself when none is."""
    mapping = value.get("mapping")
    if not isinstance(mapping, dict):
        return value
    new_mapping: dict[Any, Any] | None = None
    for tag, ref in mapping.items():
        if not isinstance(ref, str) or ("/" not in ref and "#" not in ref and "." not in ref):
            continue  # a bare name: a root component schema
        if doc is schemas.root and ref.startswith("#"):
            continue
        rptr = json_pointer.child(json_pointer.child(ptr, "mapping"), tag)
        target, pointer, found = schemas.sources.target(ref, doc, rptr)
        if not isinstance(target, Document) or not isinstance(found, (dict, bool)):
            continue  # not a schema: left for validation to report
        if new_mapping is None:
            new_mapping = dict(mapping)
        new_mapping[tag] = "#" + schemas.local_pointer(target, pointer, found)
    if new_mapping is None:
        return value
    return {**value, "mapping": new_mapping}
