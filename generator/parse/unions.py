"""anyOf / oneOf -> a union, an open enum, or one type; allOf of one union and objects, distributed."""

from __future__ import annotations

from typing import Any

from generator.model import Any as AnyType
from generator.model import ComponentName, Literal, Name, Scalar, TypeExpr, Union
from generator.parse.predicates import component_wire, is_null_schema, is_nullable, is_object_like, is_ref
from generator.parse.schemas import SchemaTypes


class Unions(SchemaTypes):
    def _union(self, schema: Any, variants: list[Any], pointer: str, context: Name, direction: str) -> TypeExpr:
        key = "anyOf" if schema.anyOf else "oneOf"
        originals = list(getattr(schema, key))
        items: list[TypeExpr] = []
        for variant in variants:
            index = _index(originals, variant)
            items.append(self.type_of(variant, f"{pointer}/{key}/{index}", context + (f"Variant{index}",), direction))
        return self._union_of(schema, variants, items, direction)

    def _union_intersection(
        self, union_part: tuple[int, Any], objects: list[Any], pointer: str, context: Name, direction: str
    ) -> TypeExpr:
        """allOf of one union and object parts, distributed: (A | B) & O is (A & O) | (B & O), each one schema."""
        index, part = union_part
        union, _ = self.resolve(part, f"{pointer}/allOf/{index}")
        key = "anyOf" if union.anyOf else "oneOf"
        schema_class = type(union)
        variants: list[Any] = []
        items: list[TypeExpr] = []
        for j, variant in enumerate(getattr(union, key)):
            if is_null_schema(variant):
                continue
            merged = schema_class(allOf=[variant, *objects])
            wire = (component_wire(variant.ref) or "") if is_ref(variant) else ""
            # named after the component it extends
            name = ComponentName(wire) if wire in self.component_schemas else f"Variant{j}"
            variants.append(merged)
            items.append(self.type_of(merged, f"{pointer}/allOf/{index}/{key}/{j}", context + (name,), direction))
        merged_union = schema_class(**{key: variants, "discriminator": union.discriminator})
        return self._union_of(merged_union, variants, items, direction)

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
            return Union(unique_items, tag, tagged=True)
        return Union(unique_items, disc)

    def _tag_property(self, variants: list[Any], declared: str | None) -> str | None:
        """The property that tells the variants apart: the declared discriminator, or a required property that every
        variant pins to one distinct value (``const`` or a one-value ``enum``). None unless every variant is an object
        with that literal tag, which is when a discriminated union is sound."""
        tags: list[dict[str, Any]] = []
        for variant in variants:
            resolved, ptr = self.resolve(variant, "")
            if not is_object_like(resolved, self.resolve):
                return None
            properties, required, _ = self._merged_properties(resolved, ptr)
            tags.append(self._pinned(properties, required))
        candidates = [declared] if declared else sorted(set.intersection(*(set(t) for t in tags))) if tags else []
        for name in candidates:
            if name and all(name in t for t in tags) and len({t[name] for t in tags}) == len(tags):
                return name
        return None

    def _pinned(self, properties: dict[str, tuple[Any, str]], required: set[str]) -> dict[str, Any]:
        """Required, non-nullable properties pinned to one string (``const`` or a one-value ``enum``)."""
        pinned: dict[str, Any] = {}
        for name, (prop, _ptr) in properties.items():
            prop_schema, _ = self.resolve(prop, "")
            if name not in required or is_nullable(prop_schema):
                continue
            if "const" in prop_schema.model_fields_set and isinstance(prop_schema.const, str):
                pinned[name] = prop_schema.const
            elif prop_schema.enum is not None and len(prop_schema.enum) == 1 and isinstance(prop_schema.enum[0], str):
                pinned[name] = prop_schema.enum[0]
        return pinned


def _index(originals: list[Any], variant: Any) -> int:
    """``originals.index(variant)`` (the first equal variant's), comparing only variants of the same class, reference,
    type and description: pydantic's == of two schemas compares every field, nested schemas too."""
    cls, fields = type(variant), variant.__dict__
    cheap = tuple(fields.get(key) for key in _TELLING)
    for index, original in enumerate(originals):
        if original is variant or (type(original) is cls and _telling(original) == cheap and original == variant):
            return index
    raise ValueError("not a variant of the union")


_TELLING = ("ref", "type", "description")  # fields that tell most unequal variants apart at once


def _telling(schema: Any) -> tuple[Any, ...]:
    fields = schema.__dict__
    return tuple(fields.get(key) for key in _TELLING)


def _as_open_enum(items: list[TypeExpr]) -> Literal | None:
    """``anyOf: [string, enum of strings]`` is an open enum: known values, plus any string."""
    literals = [i for i in items if isinstance(i, Literal)]
    bases = [i for i in items if isinstance(i, Scalar) and i.kind == "string"]
    if len(items) == 2 and len(bases) == 1 and len(literals) == 1 and all(isinstance(v, str) for v in literals[0].values):
        return Literal(literals[0].values, open=True)
    return None
