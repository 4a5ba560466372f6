"""Object schemas -> named schemas: properties merged over allOf, request and response shapes, aliases."""

from __future__ import annotations

from typing import Any

from generator.model import Any as AnyType
from generator.model import ComponentName, Name, NoneType, Nullable, Property, Ref, Schema, SchemaName, TypeExpr, Word
from generator.parse.defaults import Defaults
from generator.parse.predicates import is_nullable, is_object_like, partial_variants
from generator.pointer import escape


class Objects(Defaults):
    def _model_for(self, schema: Any, pointer: str, name: Name, direction: str, wire: str) -> Ref:
        request = direction in ("request", "multipart")
        key = (pointer, "request" if request else "response")
        found = self.lifted.built.get(key)
        if found is None:
            found = self.lifted.in_progress.get(key)
        if found is not None:
            return Ref(found)
        ref_id = self.lifted.reserve()
        self.lifted.in_progress[key] = ref_id
        if is_object_like(schema, self.resolve):
            built = self._object_schema(schema, pointer, ref_id, name, request, wire)
        else:
            alias_type = self._type_ignoring_null(schema, pointer, (SchemaName(ref_id),), "response")
            if is_nullable(schema) and not isinstance(alias_type, NoneType):
                alias_type = Nullable(alias_type)
            built = self._alias_schema(alias_type, ref_id, name, wire, schema, request)
        self.lifted.finish(key, built)
        del self.lifted.in_progress[key]
        return Ref(ref_id)

    def _component_alias(self, wire: str, pointer: str, t: TypeExpr, schema: Any) -> None:
        """A component that only refers to another schema is an alias of its type (references use the type itself)."""
        key = (pointer, "response")
        if key in self.lifted.built or isinstance(t, AnyType):
            return
        ref_id = self.lifted.reserve()
        self.lifted.finish(key, self._alias_schema(t, ref_id, (ComponentName(wire),), wire, schema, False))

    def _object_schema(self, schema: Any, pointer: str, ref_id: int, name: Name, request: bool, wire: str) -> Schema:
        # a response model keeps to what is declared: a required name a server leaves out would fail every parse
        read = self._declared_properties if request else self._merged_properties
        properties, required, extra = read(schema, pointer)
        direction = "request" if request else "response"
        props: list[Property] = []
        hidden = "readOnly" if request else "writeOnly"  # a request sends no read-only property, a response no write-only
        for prop_wire, (prop_schema, prop_ptr) in properties.items():
            resolved, _ = self.resolve(prop_schema, "")
            if getattr(resolved, hidden, False):
                continue
            t = self.type_of(prop_schema, prop_ptr, (SchemaName(ref_id), Word(prop_wire)), direction)
            props.append(self._property(prop_wire, prop_schema, resolved, t, prop_wire in required, request))
        extra_type = None
        if extra is not None and extra is not False:
            extra_name = (SchemaName(ref_id), "Extra")
            extra_type = AnyType() if extra is True else self.type_of(extra, pointer + "/additionalProperties", extra_name, direction)
        return Schema(
            id=ref_id,
            name=name,
            wire_name=wire,
            kind="input" if request else "object",
            request=request,
            properties=tuple(props),
            extra=extra_type,
            description=schema.description or schema.title or "",
            deprecated=bool(schema.deprecated),
        )

    def _property(self, wire: str, schema: Any, resolved: Any, t: TypeExpr, required: bool, request: bool) -> Property:
        """A property of ``schema`` (``resolved``: what its $ref chain leads to)."""
        default = None
        if not request and (not required or isinstance(t, Nullable)):
            # a 3.1 `$ref` with a sibling `default` (3.0 ignores siblings of `$ref`): the reference's own default wins
            own = schema is not resolved and getattr(schema, "default", None) is not None
            default = self.default_value(schema if own and self.openapi.startswith("3.1") else resolved, t)
        return Property(
            wire_name=wire,
            type=t,
            required=required,
            default=default,
            description=getattr(resolved, "description", None) or "",
            deprecated=bool(getattr(resolved, "deprecated", False)),
            read_only=bool(getattr(resolved, "readOnly", False)),
            write_only=bool(getattr(resolved, "writeOnly", False)),
        )

    def _declared_properties(self, schema: Any, pointer: str) -> tuple[dict[str, tuple[Any, str]], set[str], Any]:
        """``_merged_properties``, with a property for each required name no part declares: a request must hold it,
        with any value (or one of ``additionalProperties``), so the SDK takes it too."""
        properties, required, extra = self._merged_properties(schema, pointer)
        for name in sorted(required - properties.keys()):
            self.warnings.append(f"{pointer}/required: required property {name!r} is not declared; typed from "
                                 "additionalProperties, else as any value")
            properties[name] = (extra if extra not in (None, True, False) else self.models.Schema(), f"{pointer}/required")
        return properties, required, extra

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
            properties[name] = (prop, f"{pointer}/properties/{escape(name)}")
        properties.update({k: v for k, v in self._variant_properties(schema, pointer).items() if k not in properties})
        required |= set(schema.required or [])
        if schema.additionalProperties is not None:
            extra = schema.additionalProperties
        return properties, required, extra

    def _variant_properties(self, schema: Any, pointer: str) -> dict[str, tuple[Any, str]]:
        """The properties that the variants of an object declaring its own declare (optional: each belongs to one way
        to fill it); one declared by several variants is any of their schemas."""
        found: dict[str, list[tuple[Any, str]]] = {}
        merging: set[int] = self.__dict__.setdefault("_merging_variants", set())
        if id(schema) in merging:  # a variant that holds this object again
            return {}
        merging.add(id(schema))
        try:
            for where, variant in partial_variants(schema, self.resolve):
                resolved, ptr = self.resolve(variant, f"{pointer}/{where}")
                for name, seen in self._merged_properties(resolved, ptr)[0].items():
                    found.setdefault(name, []).append(seen)
        finally:
            merging.discard(id(schema))
        return {name: seen[0] if len(seen) == 1 else (self._any_of(seen), seen[0][1]) for name, seen in found.items()}

    def _any_of(self, seen: list[tuple[Any, str]]) -> Any:
        """A schema for any of several: one enum of their values when each is an enum of one type, else their anyOf."""
        schemas = [self.resolve(prop, ptr)[0] for prop, ptr in seen]
        plain = all(s.enum and s.model_fields_set <= {"enum", "type", "description", "title", "example"} for s in schemas)
        if plain and len({repr(s.type) for s in schemas}) == 1:
            values = [v for s in schemas for v in s.enum]
            unique = [v for i, v in enumerate(values) if v not in values[:i]]
            return self.models.Schema(enum=unique, **({"type": schemas[0].type} if schemas[0].type else {}))
        return self.models.Schema(anyOf=[prop for prop, _ in seen])

    def _alias_schema(self, t: TypeExpr, ref_id: int, name: Name, wire: str, schema: Any, request: bool) -> Schema:
        description = getattr(schema, "description", None) or ""
        return Schema(id=ref_id, name=name, wire_name=wire, kind="alias", request=request, alias_of=t, description=description)
