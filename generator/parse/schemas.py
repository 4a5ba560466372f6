"""Schema -> neutral type expression: references, nullability, enums, arrays, maps, scalars and allOf."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator.errors import SpecError
from generator.model import Any as AnyType
from generator.model import (
    ComponentName,
    File,
    ListOf,
    Literal,
    MapOf,
    Name,
    NoneType,
    Nullable,
    Scalar,
    TupleOf,
    TypeExpr,
    Union,
)
from generator.parse.context import Context
from generator.parse.predicates import (
    SCHEMA_PREFIX,
    component_wire,
    enum_kinds,
    extra_ref,
    is_null_schema,
    is_nullable,
    is_object_like,
    is_ref,
    is_trivial,
    is_union,
    literal_values,
    nullable_ref,
    reference,
    required_sets,
    types,
)
from generator.pointer import escape

_FORMATS = {"date-time": "datetime", "date": "date", "byte": "string", "uuid": "string"}
NONE = NoneType()  # ``type: "null"`` or ``enum: [null]``: the value can only be null


class SchemaTypes(Context):
    """``type_of``: the type of a schema; object schemas become named schemas (objects.py), unions unions.py."""

    if TYPE_CHECKING:  # what the later parts of the parser give a type that leads to them (unions.py, objects.py)
        def _union(self, schema: Any, variants: list[Any], pointer: str, context: Name, direction: str) -> TypeExpr: ...

        def _union_intersection(self, union_part: tuple[int, Any], objects: list[Any], pointer: str, context: Name,
                                direction: str) -> TypeExpr: ...

        def _model_for(self, schema: Any, pointer: str, name: Name, direction: str, wire: str) -> TypeExpr: ...

        def _component_alias(self, wire: str, pointer: str, t: TypeExpr, schema: Any) -> None: ...

        def _merged_properties(self, schema: Any, pointer: str) -> tuple[dict[str, tuple[Any, str]], set[str], Any]: ...

    def type_of(self, schema: Any, pointer: str, context: Name, direction: str) -> TypeExpr:
        """Map a schema to a type; ``context`` names an inline object if one has to be lifted to a named schema."""
        if schema is None:
            return AnyType()
        if is_ref(schema):
            wire = component_wire(schema.ref)
            if wire is not None:
                t = self._named_schema(wire, direction)
            else:
                target, target_ptr = self.resolve(schema, pointer)
                t = self.type_of(target, target_ptr, context, direction)
            return Nullable(t) if nullable_ref(schema) and not isinstance(t, (Nullable, AnyType, NoneType)) else t
        ref = extra_ref(schema)
        if ref is not None:  # 3.1: a schema holding a $ref (and perhaps annotations) is that reference
            t = self.type_of(reference(ref), pointer, context, direction)
            return Nullable(t) if is_nullable(schema) and not isinstance(t, (Nullable, AnyType)) else t
        inner = self._type_ignoring_null(schema, pointer, context, direction)
        return Nullable(inner) if is_nullable(schema) and not isinstance(inner, (Nullable, AnyType, NoneType)) else inner

    def _named_schema(self, wire: str, direction: str) -> TypeExpr:
        schemas = self.component_schemas
        if wire not in schemas:
            raise SpecError(f"unresolved $ref to schema {wire!r}", file=self.source, pointer=SCHEMA_PREFIX[1:] + wire)
        schema = schemas[wire]
        pointer = SCHEMA_PREFIX[1:] + escape(wire)
        self.reads.add(pointer)
        name = (ComponentName(wire),)
        if is_ref(schema) or extra_ref(schema) is not None:
            t = self.type_of(schema, pointer, name, direction)
            self._component_alias(wire, pointer, t, schema)
            return t
        if not is_object_like(schema, self.resolve):
            direction = "response"  # enums, unions and aliases are shared by requests and responses
        return self._model_for(schema, pointer, name, direction, wire)

    def _type_ignoring_null(self, schema: Any, pointer: str, context: Name, direction: str) -> TypeExpr:
        if "const" in schema.model_fields_set and literal_values((schema.const,)):
            return Literal((schema.const,))
        variants = [v for v in (schema.anyOf or schema.oneOf or []) if not is_null_schema(v)]
        only_notes = bool(variants) and all(is_trivial(v) for v in variants)  # ``oneOf: [{description: ...}, ...]``
        if (schema.anyOf or schema.oneOf) and not required_sets(schema) and not only_notes:
            return self._union(schema, variants, pointer, context, direction)
        if schema.allOf:
            return self._all_of(schema, pointer, context, direction)
        if schema.enum is not None:
            values = tuple(v for v in schema.enum if v is not None)
            if not values:
                return NONE if schema.enum else AnyType()
            if literal_values(values):
                return Literal(values)
            # floats, objects and arrays make no literal type: type the enum by its schema type
        kinds = types(schema) or enum_kinds(schema.enum)
        if not kinds and is_null_schema(schema):
            return NONE
        if "object" in kinds or schema.properties:
            if schema.properties:
                return self._model_for(schema, pointer, context, direction, "")
            extra = schema.additionalProperties
            if extra is None or extra is True or extra is False:
                return MapOf(AnyType())
            return MapOf(self.type_of(extra, pointer + "/additionalProperties", context + ("Value",), direction))
        if "array" in kinds and getattr(schema, "prefixItems", None) and schema.items in (None, False):
            return TupleOf(tuple(self.type_of(p, f"{pointer}/prefixItems/{i}", context + (f"Item{i}",), direction)
                                 for i, p in enumerate(schema.prefixItems)))
        if "array" in kinds:
            return ListOf(self._items_type(schema, pointer, context, direction))
        if len(kinds) > 1:
            return Union(tuple(self._scalar(schema, k, direction) for k in sorted(kinds)))
        if kinds:
            return self._scalar(schema, next(iter(kinds)), direction)
        return AnyType()

    def _items_type(self, schema: Any, pointer: str, context: Name, direction: str) -> TypeExpr:
        """An array's item type; beside ``prefixItems`` (the first items), ``items`` types the rest: any item is one
        of them all."""
        last = self.type_of(schema.items, pointer + "/items", context + ("Item",), direction)
        prefix = getattr(schema, "prefixItems", None) or []
        members = [self.type_of(p, f"{pointer}/prefixItems/{i}", context + (f"Item{i}",), direction)
                   for i, p in enumerate(prefix)]
        unique = tuple(dict.fromkeys([*members, last]))
        if len(unique) == 1 or any(isinstance(m, AnyType) for m in unique):
            return last if len(unique) == 1 else AnyType()
        return Union(unique)

    def _all_of(self, schema: Any, pointer: str, context: Name, direction: str) -> TypeExpr:
        parts = [(i, p) for i, p in enumerate(schema.allOf) if not is_trivial(p)]
        if len(parts) == 1 and not schema.properties:
            index, part = parts[0]
            return self.type_of(part, f"{pointer}/allOf/{index}", context, direction)
        if is_object_like(schema, self.resolve):
            return self._model_for(schema, pointer, context, direction, "")
        unions = [(i, p) for i, p in parts if not is_object_like(p, self.resolve) and is_union(self.resolve(p, "")[0])]
        if len(unions) == 1 and len(parts) > 1 and not schema.properties:
            objects = [p for i, p in parts if i != unions[0][0]]
            if all(is_object_like(p, self.resolve) for p in objects):
                return self._union_intersection(unions[0], objects, pointer, context, direction)
        # An intersection of anything else with an object has no type of its own: keep the first part that is not
        # a plain object, which is what a response parses into.
        plain = (i_p for i_p in parts if not is_object_like(i_p[1], self.resolve))
        index, part = next(plain, parts[0] if parts else (0, None))
        if not self._same_scalar_kind([p for _, p in parts]):
            self.warnings.append(f"{pointer}: allOf of a non-object part and others is typed as its part {index}")
            self.typed_as_part[pointer] = f"{pointer}/allOf/{index}"
        return self.type_of(part, f"{pointer}/allOf/{index}", context, direction)

    def _same_scalar_kind(self, parts: list[Any]) -> bool:
        """Whether allOf parts are all one scalar kind (or say nothing of it): their intersection is that scalar."""
        kinds: set[str] = set()
        for part in parts:
            resolved, _ = self.resolve(part, "")
            if is_object_like(resolved, self.resolve) or is_union(resolved) or resolved.allOf:
                return False
            kinds |= types(resolved)
        return len(kinds) <= 1 and not kinds & {"object", "array"}

    def _scalar(self, schema: Any, kind: str, direction: str) -> TypeExpr:
        if kind == "string":
            fmt = schema.schema_format
            if fmt == "binary":
                return File() if direction == "multipart" else Scalar("bytes", fmt)
            scalar = _FORMATS.get(fmt or "", "string")
            if direction != "response" and scalar in ("datetime", "date"):
                scalar = "string"  # requests accept ISO strings; responses parse them
            return Scalar(scalar, fmt)
        if kind in ("integer", "number"):
            return Scalar(kind, schema.schema_format)
        if kind == "boolean":
            return Scalar("boolean")
        if kind == "object":
            return MapOf(AnyType())
        if kind == "array":
            return ListOf(AnyType())
        return AnyType()
