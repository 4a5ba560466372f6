"""openapi-pydantic model + Target -> model.Api.

Every decision the templates need is made here: names (through naming.py), types, optionality, defaults, imports,
example values for generated tests. Schemas are mapped lazily, on first use, so a model is produced for each schema
an operation reaches and for every component schema.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from openapi_pydantic import OpenAPI
from openapi_pydantic.v3.v3_0 import Reference as _Reference30
from openapi_pydantic.v3.v3_1 import Reference as _Reference31
from openapi_pydantic.v3.v3_1 import Schema as _Schema31
from pydantic import BaseModel as _PydanticModel

from generator.config import PaginationConfig, PollingConfig, Target
from generator.errors import SpecError
from generator.model import (
    AnyType,
    Api,
    Body,
    Field,
    FileType,
    ListOf,
    LiteralOf,
    MapOf,
    Model,
    Named,
    Nullable,
    Operation,
    Pagination,
    Param,
    Polling,
    Primitive,
    Resource,
    Response,
    StreamVariant,
    TupleOf,
    TypeExpr,
    UnionOf,
)
from generator.parse.examples import ExampleBuilder, jsonable
from generator.parse.security import SecurityReader
from generator.targets.python import naming
from generator.targets.python.annotations import annotation, named_refs, typing_names, uses_primitive
from generator.targets.python.docs import docstring, one_line
from generator.targets.python.imports import organize
from generator.targets.python.source import data_literal, literal

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_SCHEMA_PREFIX = "#/components/schemas/"
_FORMATS = {"date-time": "datetime", "date": "date", "binary": "bytes", "byte": "str", "uuid": "str"}


@dataclass
class _Lifted:
    """Bookkeeping for models built so far (component and inline), keyed by (pointer, direction)."""

    models: dict[tuple[str, str], Model] = field(default_factory=dict)
    by_name: dict[str, Model] = field(default_factory=dict)  # the same models by class name, for O(1) lookups
    in_progress: dict[tuple[str, str], Named] = field(default_factory=dict)
    class_names: set[str] = field(default_factory=set)
    module_names: set[str] = field(default_factory=set)


class Builder:
    def __init__(self, spec: OpenAPI, target: Target, *, source: str, raw: Mapping[str, Any]) -> None:
        self.spec = spec
        self.target = target
        self.source = source
        self.raw = raw
        self.lifted = _Lifted()
        self.warnings: list[str] = []
        self._dropped_defaults: set[str] = set()
        self._schema_pointers: dict[int, str] | None = None
        self.examples = ExampleBuilder(self.resolve)
        self._component_names = self._name_components()
        self.api_client_class = target.client_class or naming.class_name(target.package)
        prefix = naming.env_prefix(self.api_client_class)
        self.security = SecurityReader(
            spec, resolve=self.resolve, warnings=self.warnings, env_prefix=prefix,
            api_key_env=target.api_key_env or f"{prefix}_API_KEY",
            taken_env=(target.base_url_env or f"{prefix}_BASE_URL", target.log_env or f"{prefix}_LOG"),
        )

    # --- references ----------------------------------------------------------------------------------------

    def resolve(self, node: Any, pointer: str) -> tuple[Any, str]:
        """Follow ``$ref`` chains; returns the target object and its pointer."""
        seen: set[str] = set()
        while True:
            ref = node.ref if _is_ref(node) else _extra_ref(node)
            if ref is None:
                break
            if not ref.startswith("#/"):
                raise SpecError(f"unsupported $ref {ref!r}: only local references are followed", file=self.source, pointer=pointer)
            if ref in seen:
                raise SpecError(f"$ref cycle without an object in between: {ref}", file=self.source, pointer=pointer)
            seen.add(ref)
            node, pointer = self._walk_pointer(ref, pointer), ref[1:]
        return node, pointer

    def _walk_pointer(self, ref: str, origin: str) -> Any:
        node: Any = self.spec
        for raw_part in ref[2:].split("/"):
            part = raw_part.replace("~1", "/").replace("~0", "~")
            node = _child(node, part)
            if node is None:
                raise SpecError(f"unresolved $ref {ref!r}", file=self.source, pointer=origin, hint="check the name")
        return node

    # --- naming of component schemas -----------------------------------------------------------------------

    def _name_components(self) -> dict[str, str]:
        schemas = (self.spec.components.schemas if self.spec.components else None) or {}
        names: dict[str, str] = {}
        for wire in sorted(schemas):
            wanted = naming.class_name(self.target.renames.get(wire, wire))
            names[wire] = wanted
        return names

    def _reserve_class(self, wanted: str) -> tuple[str, str]:
        py = naming.unique(wanted, self.lifted.class_names, fold_case=True)
        module = naming.unique(naming.module_name(py), self.lifted.module_names, fold_case=True)
        return py, module

    # --- schema -> type ------------------------------------------------------------------------------------

    def type_of(self, schema: Any, pointer: str, context: str, direction: str) -> TypeExpr:
        """Map a schema to a type; ``context`` names an inline object if one has to be lifted to a model."""
        if schema is None:
            return AnyType()
        if _is_ref(schema):
            wire = _component_wire(schema.ref)
            if wire is not None:
                return self._named_schema(wire, direction)
            target, target_ptr = self.resolve(schema, pointer)
            return self.type_of(target, target_ptr, context, direction)
        extra_ref = _extra_ref(schema)
        if extra_ref is not None:  # 3.1: a schema holding a $ref (and perhaps annotations) is that reference
            t = self.type_of(_Reference31(ref=extra_ref), pointer, context, direction)
            return Nullable(t) if _is_nullable(schema) and not isinstance(t, (Nullable, AnyType)) else t
        inner = self._type_ignoring_null(schema, pointer, context, direction)
        return Nullable(inner) if _is_nullable(schema) and not isinstance(inner, (Nullable, AnyType)) and inner != NONE else inner

    def _named_schema(self, wire: str, direction: str) -> TypeExpr:
        schemas = self.spec.components.schemas if self.spec.components else None
        if not schemas or wire not in schemas:
            raise SpecError(f"unresolved $ref to schema {wire!r}", file=self.source, pointer=_SCHEMA_PREFIX[1:] + wire)
        schema = schemas[wire]
        pointer = _SCHEMA_PREFIX[1:] + _escape(wire)
        if _is_ref(schema) or _extra_ref(schema) is not None:
            t = self.type_of(schema, pointer, self._component_names[wire], direction)
            self._component_alias(wire, pointer, t, schema)
            return t
        if not _is_object_like(schema, self):
            direction = "response"  # enums, unions and aliases are shared by requests and responses
        return self._model_for(schema, pointer, self._component_names[wire], direction, wire)

    def _component_alias(self, wire: str, pointer: str, t: TypeExpr, schema: Any) -> None:
        """A component that only refers to another schema is an alias of its type (references use the type itself)."""
        key = (pointer, "response")
        if key in self.lifted.models or isinstance(t, AnyType):
            return
        py, module = self._reserve_class(self._component_names[wire])
        model = self._alias_model(t, py, module, wire, schema)
        self.lifted.models[key] = model
        self.lifted.by_name[py] = model

    def _type_ignoring_null(self, schema: Any, pointer: str, context: str, direction: str) -> TypeExpr:
        if "const" in schema.model_fields_set and _literal_values((schema.const,)):
            return LiteralOf((schema.const,))
        variants = [v for v in (schema.anyOf or schema.oneOf or []) if not _is_null_schema(v)]
        if (schema.anyOf or schema.oneOf) and not required_sets(schema):
            return self._union(schema, variants, pointer, context, direction)
        if schema.allOf:
            parts = [(i, p) for i, p in enumerate(schema.allOf) if not _is_trivial(p)]
            if len(parts) == 1 and not schema.properties:
                index, part = parts[0]
                return self.type_of(part, f"{pointer}/allOf/{index}", context, direction)
            if _is_object_like(schema, self):
                return self._model_for(schema, pointer, context, direction, context)
            unions = [(i, p) for i, p in parts if not _is_object_like(p, self) and _is_union(self.resolve(p, "")[0])]
            if len(unions) == 1 and len(parts) > 1 and not schema.properties:
                objects = [p for i, p in parts if i != unions[0][0]]
                if all(_is_object_like(p, self) for p in objects):
                    return self._union_intersection(unions[0], objects, pointer, context, direction)
            # An intersection of anything else with an object cannot be spelled in Python's type system: keep the
            # first part that is not a plain object, which is what a response parses into.
            index, part = next(((i, p) for i, p in parts if not _is_object_like(p, self)), parts[0] if parts else (0, None))
            if not self._same_scalar_kind([p for _, p in parts]):
                self.warnings.append(f"{pointer}: allOf of a non-object part and others is typed as its part {index}")
            return self.type_of(part, f"{pointer}/allOf/{index}", context, direction)
        if schema.enum is not None:
            values = tuple(v for v in schema.enum if v is not None)
            if not values:
                return NONE if schema.enum else AnyType()
            if _literal_values(values):
                return LiteralOf(values)
            # floats, objects and arrays cannot be spelled in Literal[...]: type the enum by its schema type
        kinds = _types(schema) or _enum_kinds(schema.enum)
        if not kinds and _is_null_schema(schema):
            return NONE
        if "object" in kinds or schema.properties:
            if schema.properties:
                return self._model_for(schema, pointer, context, direction, context)
            extra = schema.additionalProperties
            if extra is None or extra is True or extra is False:
                return MapOf(AnyType())
            return MapOf(self.type_of(extra, pointer + "/additionalProperties", context + "Value", direction))
        if "array" in kinds and getattr(schema, "prefixItems", None) and schema.items in (None, False):
            prefix = schema.prefixItems
            return TupleOf(tuple(self.type_of(p, f"{pointer}/prefixItems/{i}", f"{context}Item{i}", direction) for i, p in enumerate(prefix)))
        if "array" in kinds:
            item = self.type_of(schema.items, pointer + "/items", context + "Item", direction)
            return ListOf(item)
        if len(kinds) > 1:
            items = tuple(self._primitive(schema, k, direction) for k in sorted(kinds))
            return UnionOf(items)
        if kinds:
            return self._primitive(schema, next(iter(kinds)), direction)
        return AnyType()

    def _same_scalar_kind(self, parts: list[Any]) -> bool:
        """Whether allOf parts are all one scalar kind (or say nothing of it): their intersection is that scalar."""
        kinds: set[str] = set()
        for part in parts:
            resolved, _ = self.resolve(part, "")
            if _is_object_like(resolved, self) or _is_union(resolved) or resolved.allOf:
                return False
            kinds |= _types(resolved)
        return len(kinds) <= 1 and not kinds & {"object", "array"}

    def _primitive(self, schema: Any, kind: str, direction: str) -> TypeExpr:
        if kind == "string":
            fmt = schema.schema_format
            if fmt == "binary":
                return FileType() if direction == "multipart" else Primitive("bytes", fmt)
            py = _FORMATS.get(fmt or "", "str")
            if direction != "response" and py in ("datetime", "date"):
                py = "str"  # requests accept ISO strings; responses parse them
            return Primitive(py, fmt)
        if kind == "integer":
            return Primitive("int", schema.schema_format)
        if kind == "number":
            return Primitive("float", schema.schema_format)
        if kind == "boolean":
            return Primitive("bool")
        if kind == "object":
            return MapOf(AnyType())
        if kind == "array":
            return ListOf(AnyType())
        return AnyType()

    def _union(self, schema: Any, variants: list[Any], pointer: str, context: str, direction: str) -> TypeExpr:
        key = "anyOf" if schema.anyOf else "oneOf"
        originals = list(getattr(schema, key))
        items: list[TypeExpr] = []
        for variant in variants:
            index = originals.index(variant)
            items.append(self.type_of(variant, f"{pointer}/{key}/{index}", f"{context}Variant{index}", direction))
        return self._union_of(schema, variants, items, direction)

    def _union_intersection(
        self, union_part: tuple[int, Any], objects: list[Any], pointer: str, context: str, direction: str
    ) -> TypeExpr:
        """allOf of one union and object parts, distributed: (A | B) & O is (A & O) | (B & O), each one model."""
        index, part = union_part
        union, _ = self.resolve(part, f"{pointer}/allOf/{index}")
        key = "anyOf" if union.anyOf else "oneOf"
        schema_class = type(union)
        variants: list[Any] = []
        items: list[TypeExpr] = []
        for j, variant in enumerate(getattr(union, key)):
            if _is_null_schema(variant):
                continue
            merged = schema_class(allOf=[variant, *objects])
            wire = (_component_wire(variant.ref) or "") if _is_ref(variant) else ""
            name = self._component_names.get(wire, f"Variant{j}")  # named after the component it extends
            variants.append(merged)
            items.append(self.type_of(merged, f"{pointer}/allOf/{index}/{key}/{j}", context + name, direction))
        return self._union_of(schema_class(**{key: variants, "discriminator": union.discriminator}), variants, items, direction)

    def _union_of(self, schema: Any, variants: list[Any], items: list[TypeExpr], direction: str) -> TypeExpr:
        open_enum = _as_open_enum(items)
        if open_enum is not None:
            return open_enum
        unique_items = tuple(dict.fromkeys(items))
        if not unique_items:
            return AnyType()
        if len(unique_items) == 1:
            return unique_items[0]
        disc = schema.discriminator.propertyName if schema.discriminator else None
        tag = self._tag_property(variants, disc) if direction == "response" and len(unique_items) == len(variants) else None
        if tag is not None:
            return UnionOf(unique_items, tag, naming.field_name(tag))
        return UnionOf(unique_items, disc)

    def _tag_property(self, variants: list[Any], declared: str | None) -> str | None:
        """The property that tells the variants apart: the declared discriminator, or a required property that every
        variant pins to one distinct value (``const`` or a one-value ``enum``). None unless every variant is an object
        with that literal tag, which is when a pydantic discriminated union is sound."""
        tags: list[dict[str, Any]] = []
        for variant in variants:
            resolved, ptr = self.resolve(variant, "")
            if not _is_object_like(resolved, self):
                return None
            properties, required, _ = self._merged_properties(resolved, ptr)
            pinned: dict[str, Any] = {}
            for name, (prop, _ptr) in properties.items():
                prop_schema, _ = self.resolve(prop, "")
                if name not in required or _is_nullable(prop_schema):
                    continue
                if "const" in prop_schema.model_fields_set and isinstance(prop_schema.const, str):
                    pinned[name] = prop_schema.const
                elif prop_schema.enum is not None and len(prop_schema.enum) == 1 and isinstance(prop_schema.enum[0], str):
                    pinned[name] = prop_schema.enum[0]
            tags.append(pinned)
        candidates = [declared] if declared else sorted(set.intersection(*(set(t) for t in tags))) if tags else []
        for name in candidates:
            if name and all(name in t for t in tags) and len({t[name] for t in tags}) == len(tags):
                return name
        return None

    # --- object schemas -> models --------------------------------------------------------------------------

    def _model_for(self, schema: Any, pointer: str, wanted: str, direction: str, wire: str) -> Named:
        kind = "typeddict" if direction in ("request", "multipart") else "model"
        key = (pointer, "request" if kind == "typeddict" else "response")
        if key in self.lifted.models:
            built = self.lifted.models[key]
            return Named(built.py_name, built.module)
        if key in self.lifted.in_progress:
            return self.lifted.in_progress[key]
        py, module = self._reserve_class(wanted + ("Param" if kind == "typeddict" else ""))
        named = Named(py, module)
        self.lifted.in_progress[key] = named
        if _is_object_like(schema, self):
            model = self._object_model(schema, pointer, py, module, kind, wire)
        else:
            alias_type = self._type_ignoring_null(schema, pointer, py, "response")
            if _is_nullable(schema) and alias_type != NONE:
                alias_type = Nullable(alias_type)
            model = self._alias_model(alias_type, py, module, wire, schema)
        self.lifted.models[key] = model
        self.lifted.by_name[model.py_name] = model
        del self.lifted.in_progress[key]
        return named

    def _object_model(self, schema: Any, pointer: str, py: str, module: str, kind: str, wire: str) -> Model:
        properties, required, extra = self._merged_properties(schema, pointer)
        direction = "request" if kind == "typeddict" else "response"
        fields: list[Field] = []
        taken: set[str] = set()
        for prop_wire, (prop_schema, prop_ptr) in properties.items():
            if direction == "request" and _flag(prop_schema, "readOnly", self):
                continue
            if direction == "response" and _flag(prop_schema, "writeOnly", self):
                continue
            t = self.type_of(prop_schema, prop_ptr, py + naming.pascal(prop_wire), direction)
            is_required = prop_wire in required
            fields.append(self._field(prop_wire, prop_schema, t, is_required, taken, kind))
        extra_type = None
        if extra is not None and extra is not False:
            extra_type = AnyType() if extra is True else self.type_of(extra, pointer + "/additionalProperties", py + "Extra", direction)
        doc = docstring(schema.description or schema.title or "")
        fields = _unshadow(fields) if kind == "model" else fields
        types = [f.type for f in fields] + ([extra_type] if extra_type else [])
        functional = kind == "typeddict" and any(not f.wire_name.isidentifier() or naming.keyword.iskeyword(f.wire_name) for f in fields)
        return Model(
            functional=functional,
            py_name=py,
            module=module,
            wire_name=wire,
            kind=kind,  # type: ignore[arg-type]
            fields=tuple(fields),
            extra=extra_type,
            doc=doc,
            imports=self._type_module_imports(types, py, kind, fields),
            deprecated=bool(schema.deprecated),
        )

    def _field(self, wire: str, schema: Any, t: TypeExpr, required: bool, taken: set[str], kind: str) -> Field:
        resolved, _ = self.resolve(schema, "")
        assign = ""
        if kind == "typeddict":
            py_name = wire  # TypedDict keys are the wire names
            ann = annotation(t)
            ann = f"Required[{ann}]" if required else ann
            default = None
        else:
            py_name = naming.unique(naming.field_name(wire), taken)
            nullable_or_optional = not required or isinstance(t, Nullable)
            ann = annotation(t if not nullable_or_optional or isinstance(t, Nullable) else Nullable(t))
            # a 3.1 `$ref` with a sibling `default` (3.0 ignores siblings of `$ref`): the reference's own default wins
            own = schema is not resolved and getattr(schema, "default", None) is not None
            source = schema if own and str(self.spec.openapi).startswith("3.1") else resolved
            default = self._default_source(source, t) if nullable_or_optional else None
            factory = default is not None and default.startswith("lambda: ")
            options = [f"default_factory={default}" if factory else f"default={default}"] if default else []
            options += [f"alias={literal(wire)}"] if py_name != wire else []
            # pydantic warns (DeprecationWarning) when a deprecated field is read
            options += ["deprecated=True"] if getattr(resolved, "deprecated", False) else []
            if (options != [f"default={default}"] or factory) and options:
                assign = f" = FieldInfo({', '.join(options)})"
            elif default:
                assign = f" = {default}"
        return Field(
            assign=assign,
            py_name=py_name,
            wire_name=wire,
            type=t,
            annotation=ann,
            required=required,
            default=default,
            doc=docstring(getattr(resolved, "description", None) or ""),
            deprecated=bool(getattr(resolved, "deprecated", False)),
            read_only=bool(getattr(resolved, "readOnly", False)),
            write_only=bool(getattr(resolved, "writeOnly", False)),
        )

    def _default_source(self, schema: Any, t: TypeExpr) -> str:
        """Python source of a field's default: a literal, ``date``/``datetime`` parsed from the spec's text, or
        a list or dict literal (pydantic gives every instance its own copy). Only data reaches the source, through
        pysource's literal rendering. A default the field cannot hold is dropped with a warning (SF025)."""
        value = getattr(schema, "default", None)
        if value is None:
            return "None"
        source = _default_expression(jsonable(value), self._alias_target(t))
        if source is None:
            self._drop_default(schema, value)
            return "None"
        return source

    def _alias_target(self, t: TypeExpr, depth: int = 0) -> TypeExpr:
        """``t`` with named type aliases (enum components, unions) replaced by what they stand for."""
        if depth > 20:
            return t
        if isinstance(t, Nullable):
            return Nullable(self._alias_target(t.inner, depth + 1))
        if isinstance(t, UnionOf):
            return UnionOf(tuple(self._alias_target(i, depth + 1) for i in t.items), t.discriminator, t.tag_field)
        if isinstance(t, Named):
            model = self.lifted.by_name.get(t.name)
            if model is not None and model.kind == "alias" and model.type_alias is not None:
                return self._alias_target(model.type_alias, depth + 1)
        return t

    def _drop_default(self, schema: Any, value: Any) -> None:
        pointer = self._default_pointers().get(id(schema))
        if pointer is None or pointer in self._dropped_defaults:
            return
        self._dropped_defaults.add(pointer)
        self.warnings.append(f"{pointer}: SF025 default {value!r:.60} does not fit the field's type; dropped")

    def _default_pointers(self) -> dict[int, str]:
        """id(parsed schema) -> pointer of its `default`, for the schemas a default is dropped from (built once)."""
        if self._schema_pointers is None:
            self._schema_pointers = {}
            stack: list[tuple[Any, str]] = [(self.spec, "")]
            seen: set[int] = set()
            while stack:
                node, ptr = stack.pop()
                if id(node) in seen:
                    continue
                seen.add(id(node))
                if isinstance(node, _PydanticModel):
                    if getattr(node, "default", None) is not None and "default" in node.model_fields_set:
                        self._schema_pointers[id(node)] = ptr + "/default"
                    for name in node.model_fields_set:
                        info = type(node).model_fields.get(name)
                        key = (info.alias if info is not None and info.alias else name)
                        if key in ("default", "example", "examples", "enum", "const"):
                            continue
                        stack.append((getattr(node, name), ptr + "/" + _escape(key)))
                elif isinstance(node, dict):
                    stack.extend((v, ptr + "/" + _escape(str(k))) for k, v in node.items())
                elif isinstance(node, list):
                    stack.extend((v, f"{ptr}/{i}") for i, v in enumerate(node))
        return self._schema_pointers

    def _merged_properties(self, schema: Any, pointer: str) -> tuple[dict[str, tuple[Any, str]], set[str], Any]:
        """Properties of an object schema with every allOf part merged in (later parts win)."""
        properties: dict[str, tuple[Any, str]] = {}
        required: set[str] = set()
        extra: Any = None
        for index, part in enumerate(schema.allOf or []):
            resolved, part_ptr = self.resolve(part, f"{pointer}/allOf/{index}")
            p, r, e = self._merged_properties(resolved, part_ptr)
            properties.update(p)
            required |= r
            extra = e if e is not None else extra
        for name, prop in (schema.properties or {}).items():
            properties[name] = (prop, f"{pointer}/properties/{_escape(name)}")
        required |= set(schema.required or [])
        if schema.additionalProperties is not None:
            extra = schema.additionalProperties
        return properties, required, extra

    def _alias_model(self, t: TypeExpr, py: str, module: str, wire: str, schema: Any) -> Model:
        return Model(
            py_name=py,
            module=module,
            wire_name=wire,
            kind="alias",
            alias_of=annotation(t),
            type_alias=t,
            doc=docstring(getattr(schema, "description", None) or ""),
            imports=self._type_module_imports([t], py, "alias", []),
        )

    def _type_module_imports(self, types: list[TypeExpr], own: str, kind: str, fields: list[Field]) -> tuple[str, ...]:
        lines: list[str] = []
        texts = [annotation(t) for t in types] + [f.annotation for f in fields]
        typing_used = sorted({name for text in texts for name in typing_names(text)})
        if kind == "typeddict":
            if any(f.required for f in fields):
                lines.append("from typing_extensions import Required, TypedDict")
            else:
                lines.append("from typing_extensions import TypedDict")
        if typing_used:
            lines.append(f"from typing import {', '.join(typing_used)}")
        field_names = {f.py_name for f in fields} if kind == "model" else set()
        for name in ("datetime", "date"):
            if uses_primitive(types, name) and name not in field_names:
                lines.append(f"from datetime import {name}")
        if any(name in field_names and uses_primitive(types, name) for name in ("datetime", "date")):
            lines.append("import datetime as _datetime")
        if any("FileTypes" in text for text in texts):
            lines.append("from .._types import FileTypes")
        if kind == "alias":
            lines.append("from typing_extensions import TypeAlias")
        if kind == "model":
            lines.append("from .._models import BaseModel")
            if any("builtins." in f.annotation for f in fields):
                lines.append("import builtins")
            if any("FieldInfo(" in f.assign for f in fields):
                lines.append("from pydantic import Field as FieldInfo")
        if any("FieldInfo(discriminator=" in text for text in texts):
            lines.append("from pydantic import Field as FieldInfo")
        for ref in named_refs(types):
            if ref.name != own:
                lines.append(f"from .{ref.module} import {ref.name}")
        return organize(lines, self.target.package)

    # --- operations ----------------------------------------------------------------------------------------

    def build(self) -> Api:
        operations = self._operations()
        # Every component schema gets a type, even those no operation uses.
        for wire in sorted(self._component_names):
            self._named_schema(wire, "response")
        resources = self._resources(operations)
        models = _break_import_cycles(tuple(sorted(self.lifted.models.values(), key=lambda m: m.module)))
        return self._api(resources, models)

    def _operations(self) -> list[Operation]:
        ops: list[Operation] = []
        method_names: dict[str, set[str]] = {}
        for path, item in sorted((self.spec.paths or {}).items()):
            path_ptr = "/paths/" + _escape(path)
            for http in HTTP_METHODS:
                op = getattr(item, http, None)
                if op is None or not self._selected(op, path):
                    continue
                resource, method = self._resource_method(op, path, http)
                method = naming.unique(method, method_names.setdefault(resource, set()))
                ops.append(self._operation(op, item, path, http, resource, method, f"{path_ptr}/{http}"))
        return ops

    def _selected(self, op: Any, path: str) -> bool:
        inc, exc = self.target.include, self.target.exclude

        def matches(sel: Any) -> bool:
            return bool(
                set(op.tags or ()) & set(sel.tags) or path in sel.paths or (op.operationId or "") in sel.operations
            )

        return (inc.is_empty() or matches(inc)) and not (not exc.is_empty() and matches(exc))

    def _resource_method(self, op: Any, path: str, http: str) -> tuple[str, str]:
        op_id = op.operationId or ""
        mapped = self.target.operations.get(op_id) or (op.model_extra or {}).get("x-sdk-method")
        if isinstance(mapped, str) and "." in mapped:
            resource, method = mapped.rsplit(".", 1)
            return naming.resource_name(resource), naming.method_name(method)
        tag = (op.tags or [path.strip("/").split("/")[0] or "default"])[0]
        resource = naming.resource_name(tag)
        if isinstance(mapped, str) and mapped:
            return resource, naming.method_name(mapped)
        return resource, naming.method_name(_method_from_operation_id(op_id, resource, http, path))

    def _operation(self, op: Any, item: Any, path: str, http: str, resource: str, method: str, ptr: str) -> Operation:
        context = naming.pascal(resource) + naming.pascal(method)
        params = self._params(op, item, ptr, context, path)
        body = self._body(op, ptr, context, {p.py_name for p in params})
        response = self._response(op, ptr, context, http)
        pagination = self._pagination(resource, method, response, ptr)
        signature = _signature_order(params, body)
        sync_return, async_return = _return_annotations(response, pagination)
        cast_to = self._cast_to(response)
        stream = self._stream_variant(op, ptr, context, response, body)
        if stream is not None:
            # the generated tests check the parsed (non-streaming) result: their calls pass stream=False
            signature = tuple(_replace_param(p, example="False") if p.py_name == stream.param else p for p in signature)
            sync_return = f"Union[{stream.plain_annotation}, {stream.sync_annotation}]"
            async_return = f"Union[{stream.plain_annotation}, {stream.async_annotation}]"
        # a path key may carry a fragment (``/cookies#exploded``, to list one path twice): never sent, so dropped
        path, hash_, fragment = path.partition("#")
        if hash_:
            self.warnings.append(f"{ptr}: the path's fragment '#{fragment}' is not part of the request and is not sent")
        # a path key may carry a fixed query string (``/responses/compact?beta=true``): send it as query parameters
        path, _, fixed = path.partition("?")
        from urllib.parse import parse_qsl

        fixed_query = tuple((k, literal(v)) for k, v in parse_qsl(fixed, keep_blank_values=True))
        return Operation(
            resource=resource,
            method=method,
            operation_id=op.operationId or "",
            http_method=http,
            path=path,
            path_template=_rename_placeholders(path, params),
            path_call_args=(literal(_rename_placeholders(path, params)),)
            + tuple(f"{p.py_name}={p.py_name}" for p in params if p.location == "path")
            + _path_styles(params),
            summary=one_line(op.summary or op.description or ""),
            doc=self._operation_doc(op, signature),
            params=signature,
            body=body,
            response=response,
            cast_to=cast_to if stream is None else f"cast(Any, {stream.sync_annotation} if {stream.param} is True else {cast_to})",
            return_annotation=sync_return,
            async_cast_to=cast_to.replace("BinaryAPIResponse", "AsyncBinaryAPIResponse")
            if stream is None
            else f"cast(Any, {stream.async_annotation} if {stream.param} is True else {cast_to})",
            async_return_annotation=async_return,
            needs_return_cast=self._needs_cast(response) or stream is not None,
            stream=stream,
            deprecated=bool(op.deprecated),
            param_styles=tuple(
                (p.wire_name, p.style, p.explode)
                for p in params
                if p.location in ("query", "header") and (p.style, p.explode) not in (("form", True), ("simple", False))
            ),
            query=fixed_query + _entries(params, "query"),
            headers=_accept(response) + _entries(params, "header"),
            cookies=_entries(params, "cookie"),
            pagination=pagination,
            example_path=_example_path(path, params),
            call_required=_call_source([p for p in signature if p.required or _example_required(p, body)]),
            call_all=_call_source(list(signature)),
            call_odd_id=_call_source([p for p in signature if p.required], path_value=literal(ODD_ID)) if _has_path(params) else (),
            odd_id_path=_example_path(path, params, value=ODD_ID) if _has_path(params) else "",
            call_empty_id=_call_source([p for p in signature if p.required], path_value='""') if _has_path(params) else (),
            sent_required=tuple(p.wire_name for p in (body.params if body and not body.whole else ()) if p.required),
            security=self.security.operation(op.security, ptr),
        )

    def _params(self, op: Any, item: Any, ptr: str, context: str, path: str) -> list[Param]:
        merged: dict[tuple[str, str], tuple[Any, str]] = {}
        for source, source_ptr in ((item.parameters or [], ptr.rsplit("/", 1)[0]), (op.parameters or [], ptr)):
            for index, raw in enumerate(source):
                param, param_ptr = self.resolve(raw, f"{source_ptr}/parameters/{index}")
                merged[(param.name, getattr(param.param_in, "value", param.param_in))] = (param, param_ptr)
        placeholders = re.findall(r"\{([^{}]+)\}", path.partition("?")[0])
        taken: set[str] = set()
        out = []
        for (wire, location), (param, param_ptr) in merged.items():
            if location == "path" and wire not in placeholders:
                continue  # validate reports it (SF012): nowhere to put it, so the method does not take it
            out.append(self._param(param, wire, location, param_ptr, context, taken))
        for wire in dict.fromkeys(placeholders):
            if (wire, "path") not in merged:  # validate reports it (SF011): the template needs it, so it is a string
                out.append(self._make_param(wire, "path", Primitive("str"), True, "", taken, style="simple",
                                            explode=False, example_value="string"))
        return out

    def _param(self, param: Any, wire: str, location: str, ptr: str, context: str, taken: set[str]) -> Param:
        schema = param.param_schema
        if schema is None and param.content:
            schema = next(iter(param.content.values())).media_type_schema
        t = self.type_of(schema, ptr + "/schema", context + naming.pascal(wire), "request")
        required = bool(param.required) or location == "path"
        resolved, _ = self.resolve(schema, ptr) if schema is not None else (None, ptr)
        style = param.style.value if getattr(param.style, "value", None) else (param.style or "")
        default_style = "simple" if location in ("path", "header") else "form"
        explode = param.explode if param.explode is not None else (style or default_style) == "form"
        example = param.example if param.example is not None else None
        return self._make_param(
            wire,
            location,
            t,
            required,
            param.description or getattr(resolved, "description", None) or "",
            taken,
            style=style or default_style,
            explode=bool(explode),
            deprecated=bool(param.deprecated),
            example_value=self._param_example(schema, ptr, example, location),
        )

    def _param_example(self, schema: Any, ptr: str, explicit: Any, location: str) -> Any:
        # a path value is always sent whole: its example fills every property (an empty object is no segment)
        value = self.examples.value(schema, ptr, explicit=explicit, full=location == "path")
        resolved = self.resolve(schema, ptr)[0] if schema is not None else None
        untyped = resolved is None or not (_types(resolved) or resolved.anyOf or resolved.oneOf or resolved.allOf
                                           or resolved.properties or resolved.additionalProperties is not None)
        if value == {} and untyped:
            return "string"  # a parameter of any type: a plain string is what a URL or header carries
        return value

    def _make_param(
        self,
        wire: str,
        location: str,
        t: TypeExpr,
        required: bool,
        description: str,
        taken: set[str],
        *,
        style: str = "",
        explode: bool = True,
        deprecated: bool = False,
        example_value: Any = None,
    ) -> Param:
        py_name = naming.unique(naming.param_name(wire), taken)
        ann = annotation(t)
        return Param(
            py_name=py_name,
            wire_name=wire,
            location=location,  # type: ignore[arg-type]
            type=t,
            annotation=ann if required else f"{ann} | NotGiven",
            required=required,
            doc=docstring(description),
            style=style,
            explode=explode,
            default=None if required else "NOT_GIVEN",
            deprecated=deprecated,
            example=_python_literal(example_value, t),
        )

    def _body(self, op: Any, ptr: str, context: str, taken_names: set[str]) -> Body | None:
        if op.requestBody is None:
            return None
        body, body_ptr = self.resolve(op.requestBody, ptr + "/requestBody")
        if not body.content:
            return None
        content_type, media = _pick_request_content(body.content)
        media_ptr = f"{body_ptr}/content/{_escape(content_type)}"
        encoding = _encoding_of(content_type)
        schema = media.media_type_schema
        resolved, schema_ptr = self.resolve(schema, media_ptr + "/schema") if schema is not None else (None, media_ptr)
        taken = set(taken_names)
        required_body = bool(body.required)
        if encoding in ("json", "multipart", "form") and resolved is not None and _is_object_like(resolved, self):
            direction = "multipart" if encoding == "multipart" else "request"
            properties, required, _ = self._merged_properties(resolved, schema_ptr)
            params = []
            for wire, (prop, prop_ptr) in properties.items():
                if _flag(prop, "readOnly", self):
                    continue
                t = self.type_of(prop, prop_ptr, context + "Params" + naming.pascal(wire), direction)
                prop_resolved, _ = self.resolve(prop, prop_ptr)
                params.append(
                    self._make_param(
                        wire,
                        "body",
                        t,
                        wire in required,  # an optional body still needs its required properties when sent
                        getattr(prop_resolved, "description", None) or "",
                        taken,
                        deprecated=bool(getattr(prop_resolved, "deprecated", False)),
                        example_value=_file_example(t) if _holds_file(t) else self.examples.value(prop, prop_ptr),
                    )
                )
            files = tuple(p.wire_name for p in params if _holds_file(p.type))
            # OpenAPI 3.0 ignores an encoding's style / explode outside form-urlencoded bodies; 3.1 applies them
            with_styles = not str(self.spec.openapi).startswith("3.0")
            part_styles, part_types = _part_encodings(media, params, with_styles) if encoding == "multipart" else ((), ())
            alternatives = required_sets(resolved)
            return Body(
                content_type,
                encoding,
                tuple(params),
                whole=False,
                required=required_body,
                file_fields=files,
                part_styles=part_styles,
                part_types=part_types,
                example_required=tuple(alternatives[0]) if alternatives else (),
            )
        if encoding == "binary":
            t: TypeExpr = Primitive("bytes")
        elif encoding == "text":
            t = Primitive("str")
        else:
            t = self.type_of(schema, media_ptr + "/schema", context + "Body", "request")
        whole = self._make_param(
            "body", "body", t, required_body, body.description or "", taken,
            example_value=self.examples.value(schema, media_ptr + "/schema") if encoding not in ("binary", "text") else (b"data" if encoding == "binary" else "text"),
        )
        return Body(content_type, encoding, (whole,), whole=True, required=required_body)

    def _response(self, op: Any, ptr: str, context: str, http: str) -> Response:
        responses = op.responses or {}
        if http == "head":  # a HEAD response never has a body, whatever content the spec declares
            return Response(_success_status(responses) or "", None, "none", None, "None")
        status = _success_status(responses)
        if status is None:
            self.warnings.append(f"{ptr}: no success response; the method returns None")
            return Response("", None, "none", None, "None")
        response, resp_ptr = self.resolve(responses[status], f"{ptr}/responses/{status}")
        if not response.content:
            return Response(status, None, "none", None, "None")
        content_type, media = _pick_response_content(response.content)
        kind = _response_kind(content_type)
        accept = tuple(response.content)
        if kind == "binary":
            return Response(status, content_type, "binary", None, "BinaryAPIResponse", accept=accept)
        if kind == "text":
            return Response(status, content_type, "text", Primitive("str"), "str", accept=accept)
        if kind == "sse":
            self.warnings.append(f"{ptr}: text/event-stream responses are returned as text")
            return Response(status, content_type, "text", Primitive("str"), "str", accept=accept)
        media_ptr = f"{resp_ptr}/content/{_escape(content_type)}"
        t = self.type_of(media.media_type_schema, media_ptr + "/schema", context + "Response", "response")
        example = self.examples.response_json(media, media_ptr)
        model_class = t.name if self._is_model_class(t) and isinstance(t, Named) else ""
        if not isinstance(t, (Nullable, AnyType)) and _declares_empty_success(self, responses, status):
            # a 204 (or another 2xx without content) is declared too: the method returns None for it
            t, model_class = Nullable(t), ""
        # the method returns the plain union; its pydantic discriminator (``Annotated``) only steers parsing
        return Response(status, content_type, "json", t, annotation(_undiscriminated(t)), example, model_class)

    def _stream_variant(self, op: Any, ptr: str, context: str, response: Response, body: Body | None) -> StreamVariant | None:
        """A JSON response that the spec also declares as ``text/event-stream``, selected by a boolean ``stream``
        body field, becomes overloads: ``stream=True`` returns ``Stream[Event]``."""
        if response.kind != "json" or not response.model_class or body is None or body.whole:
            return None
        flag = next((p for p in body.params if p.wire_name == "stream"), None)
        flag_type = flag.type.inner if flag is not None and isinstance(flag.type, Nullable) else (flag.type if flag else None)
        if flag is None or flag.required or not (isinstance(flag_type, Primitive) and flag_type.py == "bool"):
            return None
        resolved, resp_ptr = self.resolve((op.responses or {})[response.status], f"{ptr}/responses/{response.status}")
        media = (resolved.content or {}).get("text/event-stream")
        if media is None or media.media_type_schema is None:
            return None
        media_ptr = f"{resp_ptr}/content/{_escape('text/event-stream')}/schema"
        event = self.type_of(media.media_type_schema, media_ptr, context + "StreamEvent", "response")
        event_ann = annotation(event)
        return StreamVariant(
            param=flag.py_name,
            event_type=event,
            event_annotation=event_ann,
            sync_annotation=f"Stream[{event_ann}]",
            async_annotation=f"AsyncStream[{event_ann}]",
            plain_annotation=response.annotation,
        )

    def _pagination(self, resource: str, method: str, response: Response, ptr: str) -> Pagination | None:
        declared: PaginationConfig | None = self.target.pagination.get(f"{resource}.{method}")
        if declared is None:
            return None
        item = self._items_type(response, declared.items)
        if item is None:
            raise SpecError(
                f"pagination for {resource}.{method}: the response has no array property {declared.items!r}",
                file=self.source,
                pointer=ptr,
                hint="fix [tool.sdkforge] pagination.items",
            )
        return Pagination(
            page_class="CursorPage",
            items_field=declared.items,
            item_annotation=annotation(item),
            item_type=item,
            cursor_param=declared.cursor_param,
            cursor_source=declared.cursor_source,
            has_more_field=declared.has_more,
        )

    def _items_type(self, response: Response, items_field: str) -> TypeExpr | None:
        if not isinstance(response.type, Named):
            return None
        model = self.lifted.by_name.get(response.type.name)
        for f in model.fields if model else ():
            inner = f.type.inner if isinstance(f.type, Nullable) else f.type
            if f.wire_name == items_field and isinstance(inner, ListOf):
                return inner.item
        return None

    def _cast_to(self, response: Response) -> str:
        if response.kind == "none":
            return "type(None)"
        if response.kind == "binary":
            return "BinaryAPIResponse"
        if self._is_model_class(response.type):
            return response.annotation
        if isinstance(response.type, Primitive) and response.type.py in ("str", "int", "float", "bool", "bytes"):
            return response.annotation
        return f"cast(Any, {annotation(response.type) if response.type is not None else response.annotation})"

    def _needs_cast(self, response: Response) -> bool:
        return self._cast_to(response).startswith("cast(")

    def _is_model_class(self, t: TypeExpr | None) -> bool:
        if not isinstance(t, Named):
            return False
        model = self.lifted.by_name.get(t.name)
        return model is not None and model.kind == "model"

    def _operation_doc(self, op: Any, params: tuple[Param, ...]) -> str:
        parts = [op.summary or "", op.description or ""]
        text = "\n\n".join(p.strip() for p in parts if p and p.strip())
        if op.summary and op.description and op.description.strip().startswith(op.summary.strip()):
            text = op.description.strip()
        arg_lines = [f"  {p.py_name}: {p.doc}".rstrip() for p in params if p.doc]
        if arg_lines:
            text += ("\n\n" if text else "") + "Args:\n" + "\n\n".join(arg_lines)
        return docstring(text)

    # --- resources and the whole API -----------------------------------------------------------------------

    def _resources(self, operations: list[Operation]) -> tuple[Resource, ...]:
        by_name: dict[str, list[Operation]] = {}
        for op in operations:
            by_name.setdefault(op.resource, []).append(op)
        class_names: set[str] = set(self.lifted.class_names)
        resources = []
        for name in sorted(by_name):
            ops = tuple(self._with_polling(name, by_name[name]))
            cls = naming.unique(naming.class_name(name), class_names, fold_case=True)
            resources.append(
                Resource(
                    name=name,
                    module=name,
                    class_name=cls,
                    async_class_name="Async" + cls,
                    operations=ops,
                    imports=self._resource_imports(ops),
                    test_imports=self._test_imports(ops),
                )
            )
        return tuple(resources)

    def _with_polling(self, resource: str, ops: list[Operation]) -> list[Operation]:
        declared: PollingConfig | None = self.target.polling.get(resource)
        if declared is None:
            return ops
        by_method = {op.method: op for op in ops}
        retrieve = by_method.get(declared.retrieve)
        if retrieve is None:
            raise SpecError(f"polling for {resource!r}: no method {declared.retrieve!r}", file=self.source, hint="fix [tool.sdkforge] polling")
        path_params = [p for p in retrieve.params if p.location == "path"]
        if len(path_params) != 1 or not isinstance(retrieve.response.type, Named):
            raise SpecError(
                f"polling for {resource!r}: {declared.retrieve!r} must take one path parameter and return an object",
                file=self.source,
                hint="fix [tool.sdkforge] polling",
            )
        polling = Polling(
            method="poll",
            create_and_poll=f"{declared.create}_and_poll" if declared.create in by_method else "",
            retrieve_method=declared.retrieve,
            id_param=path_params[0].py_name,
            id_field=naming.field_name(declared.id_field),
            return_annotation=retrieve.return_annotation,
            status_field=naming.field_name(declared.status_field),
            pending_values=declared.pending,
            interval_header=declared.interval_header,
            default_interval_ms=declared.default_interval_ms,
        )
        out = []
        for op in ops:
            if op.method == declared.retrieve:
                op = _replace(op, poll=polling)
            elif op.method == declared.create:
                op = _replace(op, create_and_poll=polling)
            out.append(op)
        return out

    def _resource_imports(self, ops: tuple[Operation, ...]) -> tuple[str, ...]:
        types: list[TypeExpr] = []
        texts: list[str] = []
        for op in ops:
            types += [p.type for p in op.params]
            if op.body:
                types += [p.type for p in op.body.params]
            if op.pagination is not None:
                types.append(op.pagination.item_type)
            elif op.response.type is not None:
                types.append(op.response.type)
            if op.stream is not None:
                types.append(op.stream.event_type)
                texts += [op.async_return_annotation, "Literal[", "Union["]
            texts += [p.annotation for p in op.params] + [op.return_annotation, op.cast_to]
            texts += [p.annotation for p in op.body.params] if op.body else []
        typing_used = {name for text in texts for name in typing_names(text)}
        if any(op.needs_return_cast for op in ops):
            typing_used |= {"Any", "cast"}
        if any(op.stream for op in ops):
            typing_used |= {"Literal", "Union", "overload"}
            sync, async_ = self.target.mode in ("both", "sync"), self.target.mode in ("both", "async")
            streams = (["Stream"] if sync else []) + (["AsyncStream"] if async_ else [])
            texts.append("from .._streaming import " + ", ".join(streams))
        lines = []
        if typing_used:
            lines.append(f"from typing import {', '.join(sorted(typing_used))}")
        lines.append("from functools import cached_property")
        if any(op.deprecated for op in ops):
            lines.append("from typing_extensions import deprecated")
        if uses_primitive(types, "datetime"):
            lines.append("from datetime import datetime")
        if uses_primitive(types, "date"):
            lines.append("from datetime import date")
        lines.append("import httpx")
        if any("FieldInfo(discriminator=" in text for text in texts):
            lines.append("from pydantic import Field as FieldInfo")
        lines += self._runtime_imports(ops, texts)
        lines += [t for t in texts if t.startswith("from .._streaming import ")]
        for ref in named_refs(types):
            lines.append(f"from ..types.{ref.module} import {ref.name}")
        return organize(lines, self.target.package)

    def _test_imports(self, ops: tuple[Operation, ...]) -> tuple[str, ...]:
        pages = []
        if any(op.pagination for op in ops):
            pages = (["SyncCursorPage"] if self.target.mode != "async" else []) + (["AsyncCursorPage"] if self.target.mode != "sync" else [])
        classes = {op.response.model_class for op in ops if op.response.model_class and not op.pagination}
        classes |= {op.pagination.item_annotation for op in ops if op.pagination}
        lines = ["import json", "from pathlib import Path", "from typing import Any", "import httpx", "import pytest"]
        clients = ([self.api_client_class] if self.target.mode != "async" else []) + (
            ["Async" + self.api_client_class] if self.target.mode != "sync" else []
        )
        lines.append(f"from {self.target.package} import {', '.join(clients)}")
        lines += [f"from {self.target.package}._pagination import {', '.join(pages)}"] if pages else []
        models = self.lifted.by_name
        lines += [f"from {self.target.package}.types.{models[c].module} import {c}" for c in sorted(classes) if c in models]
        return organize(lines, self.target.package)

    def _runtime_imports(self, ops: tuple[Operation, ...], texts: list[str]) -> list[str]:
        sync, async_ = self.target.mode in ("both", "sync"), self.target.mode in ("both", "async")
        paginated = any(op.pagination for op in ops)
        binary = any(op.response.kind == "binary" for op in ops)
        resources = (["SyncAPIResource"] if sync else []) + (["AsyncAPIResource"] if async_ else [])
        response = []
        if sync:
            response += ["to_raw_response_wrapper", "to_streamed_response_wrapper"] + (["BinaryAPIResponse"] if binary else [])
        if async_:
            response += ["async_to_raw_response_wrapper", "async_to_streamed_response_wrapper"]
            response += ["AsyncBinaryAPIResponse"] if binary else []
        types_names = ["NOT_GIVEN", "Body", "Headers", "NotGiven", "Query"]
        if any("FileTypes" in t for t in texts):
            types_names.append("FileTypes")
        lines = [
            "from .._base_client import make_request_options",
            f"from .._resource import {', '.join(resources)}",
            f"from .._response import {', '.join(sorted(response))}",
            f"from .._types import {', '.join(sorted(types_names))}",
            "from .._utils import path_template",
        ]
        if paginated:
            pages = ["PagingSpec"] + (["SyncCursorPage"] if sync else []) + (["AsyncCursorPage", "AsyncPaginator"] if async_ else [])
            lines.append(f"from .._pagination import {', '.join(sorted(pages))}")
        return lines

    def _api(self, resources: tuple[Resource, ...], models: tuple[Model, ...]) -> Api:
        info = self.spec.info
        t = self.target
        client = self.api_client_class
        prefix = naming.env_prefix(client)
        base_url = t.base_url or (self.spec.servers[0].url if self.spec.servers else "http://localhost")
        return Api(
            title=one_line(info.title),
            description=docstring(info.description or ""),
            version=t.version or _pep440(info.version),
            spec_version=one_line(info.version),
            distribution=t.distribution or t.package.replace("_", "-"),
            package=t.package,
            client_class=client,
            async_client_class="Async" + client,
            error_base=client + "Error",
            base_url=base_url,
            base_url_env=t.base_url_env or f"{prefix}_BASE_URL",
            log_env=t.log_env or f"{prefix}_LOG",
            auth=self.security.auth(),
            sync=t.mode in ("both", "sync"),
            async_=t.mode in ("both", "async"),
            resources=resources,
            models=models,
            client_names=tuple(sorted(([client] if t.mode != "async" else []) + (["Async" + client] if t.mode != "sync" else []))),
            warnings=tuple(dict.fromkeys(self.warnings)),  # a shared schema reached twice warns once
        )


# --- small pure helpers ----------------------------------------------------------------------------------------


def _break_import_cycles(models: tuple[Model, ...]) -> tuple[Model, ...]:
    """Mutually recursive models live in modules that import each other. A class module in such a cycle imports the
    other members after its class is defined, so whichever module is imported first finds the names it needs; pydantic
    completes the models on first use, when every name is bound."""
    from dataclasses import replace

    graph: dict[str, list[str]] = {}
    for m in models:
        graph[m.module] = [line.split()[1][1:] for line in m.imports if line.startswith("from .") and not line.startswith("from ..")]
    component = _strongly_connected(graph)
    class_of = {m.module: m.py_name for m in models}
    out = []
    for m in models:
        group = component[m.module]
        self_referring = m.kind == "alias" and m.type_alias is not None and m.py_name in {n.name for n in named_refs([m.type_alias])}
        if len(group) > 1 or self_referring:
            late = tuple(line for line in m.imports if line.startswith("from .") and line.split()[1][1:] in group)
            kept = [line for line in m.imports if line and line not in late]
            if m.functional:  # ``TypedDict("X", {...})`` evaluates its annotations: cycle members are forward refs
                quoted = frozenset(class_of[module] for module in group) | {m.py_name}
                fields = tuple(replace(f, annotation=_quoted_field(f, quoted)) for f in m.fields)
                m = replace(m, fields=fields)
            if m.kind == "alias" and m.type_alias is not None:
                # evaluated at import time: members of the cycle are forward references, resolved by pydantic in
                # this module once the late imports ran (plain aliases would resolve them in the user's module)
                quoted = frozenset(class_of[module] for module in group) | {m.py_name}
                kept += ["from typing import TYPE_CHECKING", "from typing_extensions import TypeAliasType"]
                m = replace(m, alias_of=annotation(m.type_alias, quoted), recursive=True)
            m = replace(m, imports=organize(kept), late_imports=late)
        out.append(m)
    return tuple(out)


def _quoted_field(f: Field, quoted: frozenset[str]) -> str:
    text = annotation(f.type, quoted)
    return f"Required[{text}]" if f.annotation.startswith("Required[") else text


def _strongly_connected(graph: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    """Tarjan's algorithm, iterative (the graph of a large spec is deep); maps each node to its component."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    result: dict[str, frozenset[str]] = {}
    edges_of = {node: [e for e in edges if e in graph] for node, edges in graph.items()}  # once, not per visit
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            edges = edges_of[node]
            if i < len(edges):
                work.append((node, i + 1))
                nxt = edges[i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                members = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    members.append(w)
                    if w == node:
                        break
                group = frozenset(members)
                for w in members:
                    result[w] = group
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return result


def _example_required(param: Param, body: Body | None) -> bool:
    return body is not None and param.location == "body" and param.wire_name in body.example_required


def required_sets(schema: Any) -> list[list[str]]:
    """``anyOf: [{required: [a]}, {required: [b]}]`` beside ``properties`` constrains one object; it is no union.

    Returns those required-name lists ([] when the schema's anyOf/oneOf is a real union).
    """
    variants = [v for v in (schema.anyOf or schema.oneOf or []) if not _is_ref(v)]
    if not schema.properties or not variants or len(variants) != len(schema.anyOf or schema.oneOf or []):
        return []
    if any(not v.required or not v.model_fields_set <= {"required", "description", "title"} for v in variants):
        return []
    return [list(v.required) for v in variants]


def _literal_values(values: tuple[Any, ...]) -> bool:
    """Whether ``Literal[...]`` can hold these values (str, bool, 64-bit int; not float, None, objects or arrays)."""
    return all(isinstance(v, str) or (isinstance(v, int) and -(2**63) <= v < 2**63) for v in values)


def _is_schema(value: Any) -> bool:
    """A schema object or reference (not a bool or None), as in ``additionalProperties``."""
    return value is not None and not isinstance(value, bool)


def _component_wire(ref: str) -> str | None:
    """The schema name when ``ref`` names a whole component schema; None for a pointer into one (or elsewhere)."""
    if not ref.startswith(_SCHEMA_PREFIX) or "/" in ref[len(_SCHEMA_PREFIX) :]:
        return None
    return ref[len(_SCHEMA_PREFIX) :].replace("~1", "/").replace("~0", "~")


def _undiscriminated(t: TypeExpr) -> TypeExpr:
    """``t`` without a pydantic discriminator at its top (not a type mypy accepts in ``cast`` or a return)."""
    from dataclasses import replace

    if isinstance(t, Nullable):
        return Nullable(_undiscriminated(t.inner))
    return replace(t, tag_field="") if isinstance(t, UnionOf) and t.tag_field else t


NONE = Primitive("None")  # ``type: "null"`` or ``enum: [null]``: the value can only be null


def _enum_kinds(values: list[Any] | None) -> set[str]:
    """The JSON types of an enum without a ``type`` (``enum: [0.5, 1.5]`` is a number)."""
    kinds = {"boolean" if isinstance(v, bool) else "integer" if isinstance(v, int) else "number" if isinstance(v, float)
             else "string" if isinstance(v, str) else "object" if isinstance(v, dict) else "array" if isinstance(v, list)
             else "null" for v in values or ()}
    if kinds == {"integer", "number"}:
        return {"number"}
    return kinds - {"null"}


def _extra_ref(node: Any) -> str | None:
    """The ``$ref`` of a 3.1 schema that openapi-pydantic parsed as a Schema (a $ref with sibling keywords, or a
    component that is only a $ref): it keeps the keyword among its extra fields."""
    if type(node) is not _Schema31:
        return None
    extra = node.__pydantic_extra__
    ref = extra.get("$ref") if extra else None
    return ref if isinstance(ref, str) else None


def _is_ref(node: Any) -> bool:
    # isinstance, not hasattr: a failed attribute lookup on a pydantic model raises inside, and this runs 90,000 times
    return isinstance(node, (_Reference30, _Reference31))


_ALIASES: dict[type, dict[str, str]] = {}


def _child(node: Any, key: str) -> Any:
    if isinstance(node, dict):
        return node.get(key)
    if isinstance(node, list):
        return node[int(key)] if key.isdigit() and int(key) < len(node) else None
    if isinstance(node, _PydanticModel):
        cls = type(node)
        aliases = _ALIASES.get(cls)
        if aliases is None:
            aliases = {(f.alias or name): name for name, f in cls.model_fields.items()}
            _ALIASES[cls] = aliases
        if key in aliases:
            return getattr(node, aliases[key])
        return (node.model_extra or {}).get(key)
    return None


def _escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


def _types(schema: Any) -> set[str]:
    raw = schema.type
    if raw is None:
        return set()
    values = raw if isinstance(raw, list) else [raw]
    return {getattr(v, "value", v) for v in values} - {"null"}


def _is_null_schema(schema: Any) -> bool:
    if _is_ref(schema):
        return False
    return _types(schema) == set() and getattr(schema.type, "value", schema.type) == "null" or (
        isinstance(schema.type, list) and [getattr(v, "value", v) for v in schema.type] == ["null"]
    )


def _is_nullable(schema: Any) -> bool:
    if getattr(schema, "nullable", False):
        return True
    raw = schema.type
    values = raw if isinstance(raw, list) else [raw]
    if any(getattr(v, "value", v) == "null" for v in values if v is not None):
        return True
    if schema.enum is not None and None in schema.enum:
        return True
    if any(_is_trivial(part) and getattr(part, "nullable", False) for part in schema.allOf or []):
        return True
    return any(_is_null_schema(v) for v in (schema.anyOf or schema.oneOf or []))


def _is_union(schema: Any) -> bool:
    return not _is_ref(schema) and bool(schema.anyOf or schema.oneOf)


def _is_object_like(schema: Any, builder: Builder, nested: bool = False) -> bool:
    """An object with properties, or an allOf of such objects. A one-part allOf is its part's alias at the top, but
    inside another allOf (``nested``) it is as object-like as that part."""
    if _is_ref(schema) or _extra_ref(schema) is not None:
        schema, _ = builder.resolve(schema, "")
    if schema.properties:
        return True
    if nested and _types(schema) == {"object"} and not schema.allOf and not _is_schema(schema.additionalProperties):
        return True  # an empty object (``{type: object}``) as one part of an allOf: a base with no fields
    parts = [part for part in schema.allOf or [] if not _is_trivial(part)]
    if parts and (nested or not (len(parts) == 1 and not schema.properties)):
        return all(_is_object_like(part, builder, True) for part in parts)
    return False


_TRIVIAL_KEYS = {"nullable", "description", "title", "default", "deprecated", "readOnly", "writeOnly", "example", "examples"}


_CONSTRAINT_KEYS = _TRIVIAL_KEYS | {"required", "minProperties", "maxProperties", "oneOf", "anyOf", "not"}


def _is_trivial(schema: Any) -> bool:
    """An allOf part that adds no shape: it only annotates (``{nullable: true}``, ``{description: ...}``) or only
    constrains what the other parts declare (``{required: [name]}``, ``oneOf: [{required: [a]}, {required: [b]}]``)."""
    if _is_ref(schema) or _extra_ref(schema) is not None:
        return False
    keys = schema.model_fields_set
    if keys <= _TRIVIAL_KEYS:
        return True
    if "type" in keys and getattr(schema.type, "value", schema.type) == "object" and not schema.additionalProperties:
        keys = keys - {"type"}  # ``{type: object, required: [...]}`` beside the parts that declare the properties
    if not keys <= _CONSTRAINT_KEYS or "const" in keys:
        return False
    return all(_is_trivial(v) for v in (schema.oneOf or []) + (schema.anyOf or []))


# a field with one of these names shadows the type in the class body: the annotation spells it through its module
_SHADOWABLE = {name: f"builtins.{name}" for name in ("object", "str", "int", "float", "bool", "bytes")} | {
    "date": "_datetime.date",
    "datetime": "_datetime.datetime",
}


def _unshadow(fields: list[Field]) -> list[Field]:
    """A field named like a type (``str``, ``date``) shadows it in the class body, for mypy and for pydantic (which
    resolves annotations in the class namespace first): spell every use of that type through its module."""
    import re
    from dataclasses import replace

    shadowed = sorted({f.py_name for f in fields} & set(_SHADOWABLE))
    out: list[Field] = []
    for f in fields:
        ann = f.annotation
        for name in shadowed:
            ann = re.sub(rf"(?<![\w.'\"]){name}(?![\w'\"])", _SHADOWABLE[name], ann)
        out.append(replace(f, annotation=ann) if ann != f.annotation else f)
    return out


def _flag(schema: Any, name: str, builder: Builder) -> bool:
    resolved, _ = builder.resolve(schema, "")
    return bool(getattr(resolved, name, False))


def _as_open_enum(items: list[TypeExpr]) -> LiteralOf | None:
    """``anyOf: [string, enum of strings]`` is an open enum: known values, plus any string."""
    literals = [i for i in items if isinstance(i, LiteralOf)]
    bases = [i for i in items if isinstance(i, Primitive) and i.py == "str"]
    if len(items) == 2 and len(bases) == 1 and len(literals) == 1 and all(isinstance(v, str) for v in literals[0].values):
        return LiteralOf(literals[0].values, open=True)
    return None


def _default_expression(value: Any, t: TypeExpr) -> str | None:
    """Source for ``value`` as a default of a field of type ``t`` (None: it does not fit). ``value`` is plain JSON data."""
    inner = t.inner if isinstance(t, Nullable) else t
    if isinstance(value, (str, int, float, bool)) and (
        _default_fits(value, inner) or isinstance(inner, AnyType) or (isinstance(inner, Primitive) and inner.py == "object")
    ):
        return literal(value)
    if isinstance(inner, UnionOf):  # the first member the value fits
        for item in inner.items:
            source = _default_expression(value, item)
            if source is not None:
                return source
        return None
    if isinstance(inner, Primitive) and inner.py in ("date", "datetime") and isinstance(value, str):
        import datetime as _dt

        kind = _dt.date if inner.py == "date" else _dt.datetime
        try:
            kind.fromisoformat(value.replace("Z", "+00:00") if inner.py == "datetime" else value)
        except ValueError:
            return None
        text = value.replace("Z", "+00:00") if inner.py == "datetime" else value
        return f"{inner.py}.fromisoformat({literal(text)})"
    if isinstance(inner, (ListOf, MapOf, AnyType)) and isinstance(value, (list, dict)) and _data_fits(value, inner):
        # a plain literal, not a default_factory lambda: mypy checks it against the annotation (a lambda's
        # ["a"] is list[str], not list[Literal["a"]]), and pydantic copies a mutable default for every instance
        return data_literal(value)
    return None


def _data_fits(value: Any, t: TypeExpr) -> bool:
    """A list/dict default whose items a plain literal can hold (no models: pydantic does not validate defaults)."""
    inner = t.inner if isinstance(t, Nullable) else t
    if isinstance(inner, AnyType):
        return True
    if value is None:
        return isinstance(t, Nullable)
    if isinstance(inner, ListOf):
        return isinstance(value, list) and all(_data_fits(v, inner.item) for v in value)
    if isinstance(inner, MapOf):
        return isinstance(value, dict) and all(isinstance(k, str) and _data_fits(v, inner.value) for k, v in value.items())
    if isinstance(inner, Primitive) and inner.py == "object":
        return True
    return isinstance(value, (str, int, float, bool)) and _default_fits(value, inner)


def _default_fits(value: Any, t: TypeExpr) -> bool:
    inner = t.inner if isinstance(t, Nullable) else t
    if isinstance(inner, LiteralOf):
        return value in inner.values or inner.open
    if isinstance(inner, Primitive):
        expected = {"str": str, "int": int, "float": (int, float), "bool": bool}.get(inner.py)
        return expected is not None and isinstance(value, expected) and (inner.py == "bool" or not isinstance(value, bool))
    return False


def _method_from_operation_id(op_id: str, resource: str, http: str, path: str) -> str:
    resource_words = set(naming.snake(resource).split("_"))
    resource_words |= {w[:-1] for w in resource_words if w.endswith("s")}
    words = [w for w in naming.snake(op_id).split("_") if w and w not in resource_words] if op_id else []
    if words == ["get"] or not words:
        if http == "get":
            return "retrieve" if path.rstrip("/").endswith("}") else "list"
        return {"post": "create", "put": "update", "patch": "update"}.get(http, http)
    return "_".join(words)


def _entries(params: list[Param], location: str) -> tuple[tuple[str, str], ...]:
    return tuple((p.wire_name, p.py_name) for p in params if p.location == location)


def _accept(response: Response) -> tuple[tuple[str, str], ...]:
    if response.kind in ("json", "none") or not response.content_type:
        return ()
    return (("Accept", literal(", ".join(response.accept))),)


def _rename_placeholders(path: str, params: list[Param]) -> str:
    for p in params:
        if p.location == "path":
            path = path.replace("{" + p.wire_name + "}", "{" + p.py_name + "}")
    return path


FILE_EXAMPLE = ("example.png", b"example file content", "image/png")  # a (filename, content, mime) upload
ODD_ID = "a/b?c d#%"  # a path value that must stay one percent-encoded segment


def _has_path(params: list[Param]) -> bool:
    return any(p.location == "path" for p in params)


def _path_styles(params: list[Param]) -> tuple[str, ...]:
    """The ``_styles=`` argument of ``path_template`` for path parameters not in the default simple style."""
    styled = [p for p in params if p.location == "path" and (p.style, p.explode) != ("simple", False)]
    if not styled:
        return ()
    entries = ", ".join(f"{literal(p.py_name)}: ({literal(p.style)}, {p.explode}, {literal(p.wire_name)})" for p in styled)
    return ("_styles={" + entries + "}",)


def _example_path(path: str, params: list[Param], value: Any = None) -> str:
    """The request path a generated test expects, written independently of the runtime's ``path_template``."""
    for p in params:
        if p.location == "path":
            raw = _literal_value(p.example) if value is None else value
            path = path.replace("{" + p.wire_name + "}", _path_segment(raw, p.style, p.explode, p.wire_name))
    return path


def _path_segment(raw: Any, style: str, explode: bool, wire: str) -> str:
    """RFC 6570 path expansion as OpenAPI's simple / label / matrix styles define it."""
    from urllib.parse import quote

    def enc(value: Any) -> str:
        text = {True: "true", False: "false", None: "null"}.get(value, value) if not isinstance(value, (int, float)) or isinstance(value, bool) else value
        return quote(str(text), safe="")

    if isinstance(raw, dict):
        items = [f"{enc(k)}={enc(v)}" for k, v in raw.items()] if explode else [enc(x) for kv in raw.items() for x in kv]
    else:
        items = [enc(v) for v in raw] if isinstance(raw, (list, tuple)) else [enc(raw)]
    scalar = not isinstance(raw, (list, tuple, dict))
    if style == "label":
        return "." + ("." if explode else ",").join(items)
    if style == "matrix":
        if explode and not scalar:
            return "".join(f";{item}" if isinstance(raw, dict) else f";{enc(wire)}={item}" for item in items)
        return f";{enc(wire)}" + ("=" + ",".join(items) if items != [""] else "")
    return ",".join(items)


def _literal_value(source: str) -> Any:
    import ast

    try:
        return ast.literal_eval(source)
    except (ValueError, SyntaxError):
        return source


def _call_source(params: list[Param], path_value: str | None = None) -> tuple[str, ...]:
    return tuple((path_value or p.example) if p.location == "path" else f"{p.py_name}={p.example}" for p in params)


def _return_annotations(response: Response, pagination: Pagination | None) -> tuple[str, str]:
    if pagination is not None:
        item = pagination.item_annotation
        return f"SyncCursorPage[{item}]", f"AsyncPaginator[{item}, AsyncCursorPage[{item}]]"
    if response.kind == "binary":
        return "BinaryAPIResponse", "AsyncBinaryAPIResponse"
    return response.annotation, response.annotation


def _signature_order(params: list[Param], body: Body | None) -> tuple[Param, ...]:
    path = [p for p in params if p.location == "path"]
    rest = [p for p in params if p.location != "path"] + list(body.params if body else ())
    return tuple(path + [p for p in rest if p.required] + [p for p in rest if not p.required])


def _pick_request_content(content: Mapping[str, Any]) -> tuple[str, Any]:
    for preferred in ("application/json", "multipart/form-data", "application/x-www-form-urlencoded"):
        if preferred in content:
            return preferred, content[preferred]
    for name, media in content.items():
        if name.endswith("+json"):
            return name, media
    name = next(iter(content))
    return name, content[name]


def _pick_response_content(content: Mapping[str, Any]) -> tuple[str, Any]:
    for name, media in content.items():
        if name == "application/json" or name.endswith("+json"):
            return name, media
    name = next(iter(content))
    return name, content[name]


def _holds_file(t: TypeExpr) -> bool:
    """A file, a list of files, or a union / nullable holding one: the runtime sends file values as file parts."""
    if isinstance(t, FileType):
        return True
    if isinstance(t, ListOf):
        return isinstance(t.item, FileType)
    if isinstance(t, Nullable):
        return _holds_file(t.inner)
    if isinstance(t, UnionOf):
        return any(_holds_file(item) for item in t.items)
    return False


def _file_example(t: TypeExpr) -> Any:
    """An example upload for a field that holds files: one file, or a list of one when only a list is accepted."""
    if isinstance(t, Nullable):
        return _file_example(t.inner)
    if isinstance(t, ListOf) or (isinstance(t, UnionOf) and not any(isinstance(i, FileType) for i in t.items)):
        return [FILE_EXAMPLE]
    return FILE_EXAMPLE


_MEDIA_TYPE_RE = re.compile(r"[A-Za-z0-9][\w.+-]*/[A-Za-z0-9][\w.+-]*(?:\s*;\s*[\w.+-]+=[\w.+-]+)*")


def _part_encodings(
    media: Any, params: list[Param], with_styles: bool
) -> tuple[tuple[tuple[str, str, bool], ...], tuple[tuple[str, str], ...]]:
    """The multipart fields whose `encoding` the media type declares, as (styles, content types).

    A declared `style` / `explode` (read only when ``with_styles``: OpenAPI 3.1) wins and the value is written like a
    query parameter of that style; otherwise a declared `contentType` makes each value (each item of a list) one part
    of that type. File fields keep their own per-file type, and fields with no declaration are left to the runtime's
    default (bracket form).
    """
    declared = media.encoding or {}
    styles: list[tuple[str, str, bool]] = []
    types: list[tuple[str, str]] = []
    for p in params:
        enc = declared.get(p.wire_name)
        if enc is None or _holds_file(p.type):
            continue
        if with_styles and (enc.style is not None or enc.explode is not None):
            style = enc.style or "form"
            styles.append((p.wire_name, style, enc.explode if enc.explode is not None else style == "form"))
        elif enc.contentType:
            # a list of types names several ("text/plain, text/markdown": the first is sent); a wildcard ("text/*")
            # or anything that is not a plain media type (it becomes a part header) names none
            first = enc.contentType.split(",")[0].strip()
            if _MEDIA_TYPE_RE.fullmatch(first):
                types.append((p.wire_name, first))
    return tuple(styles), tuple(types)


def _encoding_of(content_type: str) -> str:
    if content_type == "application/json" or content_type.endswith("+json"):
        return "json"
    if content_type == "multipart/form-data":
        return "multipart"
    if content_type == "application/x-www-form-urlencoded":
        return "form"
    if content_type.startswith("text/"):
        return "text"
    return "binary"


def _response_kind(content_type: str) -> str:
    if content_type == "application/json" or content_type.endswith("+json"):
        return "json"
    if content_type == "text/event-stream":
        return "sse"
    if content_type.startswith("text/"):
        return "text"
    return "binary"


def _declares_empty_success(builder: Any, responses: Mapping[str, Any], chosen: str) -> bool:
    """Whether a 2xx response other than ``chosen`` has no content (the usual case: a 204 beside a 200)."""
    for code, ref in responses.items():
        code = str(code)
        if code == chosen or not (code.startswith("2") or code == "2XX"):
            continue
        resolved, _ = builder.resolve(ref, "")
        if not getattr(resolved, "content", None):
            return True
    return False


def _success_status(responses: Mapping[str, Any]) -> str | None:
    codes = sorted(str(c) for c in responses)
    for code in codes:
        if code.startswith("2"):
            return code
    return "default" if "default" in responses and not codes[:-1] else None


def _python_literal(value: Any, t: TypeExpr) -> str:
    if value is None:
        return "None"
    if isinstance(value, bytes) or value == FILE_EXAMPLE or value == [FILE_EXAMPLE]:
        return data_literal(value)
    # json round-trip keeps only data; data_literal() of data is a safe Python literal.
    return data_literal(json.loads(json.dumps(jsonable(value))))


def _pep440(version: str) -> str:
    import re

    return version if re.fullmatch(r"\d+(\.\d+)*([ab]|rc)?\d*", version or "") else "0.0.0"


def _replace(op: Operation, **changes: Any) -> Operation:
    from dataclasses import replace

    return replace(op, **changes)


def _replace_param(param: Param, **changes: Any) -> Param:
    from dataclasses import replace

    return replace(param, **changes)


# Importing a type module imports the modules it names first; Python spends several frames per nested import, so a
# chain much longer than this ends in RecursionError when the generated package is imported.
MAX_IMPORT_CHAIN = 100


def build_api(spec: OpenAPI, target: Target, *, source: str, raw: Mapping[str, Any]) -> Api:
    builder = Builder(spec, target, source=source, raw=raw)
    try:
        api = builder.build()
    except RecursionError:
        building = list(builder.lifted.in_progress)
        raise SpecError(
            f"schemas are nested or chained too deeply to generate ({len(building)} levels of models)",
            file=source,
            pointer=building[-1][0] if building else "",
            hint="split the schema, or break long $ref chains",
        ) from None
    _check_import_chain(api.models, source)
    return api


def _check_import_chain(models: tuple[Model, ...], source: str) -> None:
    """Refuse a package whose type modules import each other in a chain too long for Python to import.

    The bound is the longest path through the groups of mutually importing modules, each group counted by its size.
    """
    graph: dict[str, list[str]] = {}
    wire: dict[str, str] = {}
    for m in models:
        lines = m.imports + m.late_imports
        graph[m.module] = [line.split()[1][1:] for line in lines if line.startswith("from .") and not line.startswith("from ..")]
        wire[m.module] = m.wire_name
    component = _strongly_connected(graph)
    edges: dict[frozenset[str], set[frozenset[str]]] = {}
    for node, targets in graph.items():
        out = edges.setdefault(component[node], set())
        out.update(component[t] for t in targets if t in component and component[t] != component[node])
    depth: dict[frozenset[str], int] = {}
    for group in edges:  # iterative post-order: a group's depth is its size plus its deepest successor's
        work = [(group, False)]
        while work:
            g, expanded = work.pop()
            if g in depth:
                continue
            if expanded:
                depth[g] = len(g) + max((depth[n] for n in edges[g]), default=0)
                continue
            work.append((g, True))
            work.extend((n, False) for n in edges[g] if n not in depth)
    if not depth or max(depth.values()) <= MAX_IMPORT_CHAIN:
        return
    deepest = max(depth, key=lambda g: depth[g])
    name = wire.get(min(deepest), "") or min(deepest)
    raise SpecError(
        f"schemas refer to each other in a chain of {depth[deepest]} models, more than {MAX_IMPORT_CHAIN}; the "
        "generated package could not be imported",
        file=source,
        pointer=_SCHEMA_PREFIX[1:] + _escape(name) if name else "",
        hint="shorten the chain of nested objects or $refs",
    )
