"""Substitutability of neutral types across two models: equal, and every value of one a value of the other.

A reference names a schema of its own model; two references are the same type when the schemas they name are
paired (the schema's own changes are reported on the schema). Aliases are looked through in their own model.
"""

from __future__ import annotations

from typing import Any

from generator import model


class Types:
    """Relations between a type of the ``sub`` model and one of the ``sup`` model; ``paired``: sub id -> sup id."""

    def __init__(self, sub: model.Api, sup: model.Api, paired: dict[int, int]) -> None:
        self.sub, self.sup, self.paired = sub, sup, paired

    def same(self, a: model.TypeExpr, b: model.TypeExpr) -> bool:
        """``a`` (in sub) and ``b`` (in sup) are the same type expression."""
        if isinstance(a, model.Ref) or isinstance(b, model.Ref):
            return isinstance(a, model.Ref) and isinstance(b, model.Ref) and self.paired.get(a.id) == b.id
        if type(a) is not type(b):
            return False
        if isinstance(a, model.ListOf):
            return self.same(a.item, b.item)  # type: ignore[union-attr]
        if isinstance(a, model.MapOf):
            return self.same(a.value, b.value)  # type: ignore[union-attr]
        if isinstance(a, model.Nullable):
            return self.same(a.inner, b.inner)  # type: ignore[union-attr]
        if isinstance(a, model.Union):
            assert isinstance(b, model.Union)
            return _tag(a) == _tag(b) and self._all_same(a.items, b.items)
        if isinstance(a, model.TupleOf):
            return self._all_same(a.items, b.items)  # type: ignore[union-attr]
        return a == b  # scalars (format included), literals, leaves

    def _all_same(self, a: tuple[model.TypeExpr, ...], b: tuple[model.TypeExpr, ...]) -> bool:
        return len(a) == len(b) and all(self.same(x, y) for x, y in zip(a, b))

    @staticmethod
    def resolve(t: model.TypeExpr, api: model.Api) -> model.TypeExpr:
        """``t`` with a reference to an alias replaced by what the alias stands for (chains followed; cycles stop)."""
        for _ in range(20):
            if not isinstance(t, model.Ref):
                return t
            schema = api.schemas[t.id]
            if schema.kind != "alias" or schema.alias_of is None:
                return t
            t = schema.alias_of
        return t

    def is_sub(self, sub: model.TypeExpr, sup: model.TypeExpr, depth: int = 0) -> bool:
        """Every value of ``sub`` (in the sub model) is a value of ``sup`` (in the sup model)."""
        if self.same(sub, sup):
            return True
        if depth > 40:
            return False
        sub, sup = self.resolve(sub, self.sub), self.resolve(sup, self.sup)
        if self.same(sub, sup):
            return True
        d = depth + 1
        if isinstance(sup, model.Any):
            return True
        if isinstance(sub, model.Union):
            return all(self.is_sub(item, sup, d) for item in sub.items)
        if isinstance(sub, model.Nullable):
            if isinstance(sup, model.Nullable):
                return self.is_sub(sub.inner, sup.inner, d)
            return self._admits_none(sup) and self.is_sub(sub.inner, sup, d)
        if isinstance(sup, model.Nullable):
            return self.is_sub(sub, sup.inner, d)
        if isinstance(sup, model.Union):
            return self._in_union(sub, sup, d)
        if isinstance(sub, model.Literal):
            return self._literal_sub(sub, sup)
        if _is_scalar(sub):
            if _is_scalar(sup):
                return _kind_sub(_kind(sub), _kind(sup))
            return isinstance(sup, model.Literal) and sup.open and _kind_sub(_kind(sub), _base(sup))
        if isinstance(sub, model.ListOf):
            return isinstance(sup, model.ListOf) and self.is_sub(sub.item, sup.item, d)
        if isinstance(sub, model.MapOf):
            return isinstance(sup, model.MapOf) and self.is_sub(sub.value, sup.value, d)
        return False  # different schemas, files, Any -> something narrower

    def _in_union(self, sub: model.TypeExpr, sup: model.Union, depth: int) -> bool:
        if any(self.is_sub(sub, item, depth) for item in sup.items):
            return True
        if isinstance(sub, model.Literal) and not sub.open:  # each value may fit a different member
            return all(any(self.value_in(v, item) for item in sup.items) for v in sub.values)
        return False

    def _literal_sub(self, sub: model.Literal, sup: model.TypeExpr) -> bool:
        if isinstance(sup, model.Literal):
            if sub.open:
                return sup.open and _kind_sub(_base(sub), _base(sup))
            return all(self.value_in(v, sup) for v in sub.values)
        if _is_scalar(sup):
            return all(self.value_in(v, sup) for v in sub.values) and (
                not sub.open or _kind_sub(_base(sub), _kind(sup))
            )
        return False

    def _admits_none(self, t: model.TypeExpr) -> bool:
        t = self.resolve(t, self.sup)
        if isinstance(t, (model.Nullable, model.Any)):
            return True
        if isinstance(t, model.Union):
            return any(self._admits_none(i) for i in t.items)
        return isinstance(t, model.Literal) and None in t.values

    def value_in(self, value: Any, t: model.TypeExpr) -> bool:
        """The JSON value ``value`` is a value of ``t`` (in the sup model)."""
        t = self.resolve(t, self.sup)
        if isinstance(t, model.Literal):
            return value in t.values or (t.open and _kind_sub(_value_kind(value), _base(t)))
        if _is_scalar(t):
            return _kind_sub(_value_kind(value), _kind(t))
        if isinstance(t, model.Nullable):
            return value is None or self.value_in(value, t.inner)
        if isinstance(t, model.Union):
            return any(self.value_in(value, i) for i in t.items)
        return isinstance(t, model.Any)


def _tag(t: model.Union) -> tuple[str | None, bool]:
    return t.discriminator, bool(t.tagged and t.discriminator)


def _is_scalar(t: model.TypeExpr) -> bool:
    return isinstance(t, (model.Scalar, model.NoneType))


def _kind(t: model.TypeExpr) -> str:
    return t.kind if isinstance(t, model.Scalar) else "null"


def _value_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    return "string"


def _base(t: model.Literal) -> str:
    """The scalar kind an open enum admits any value of."""
    kinds = {_value_kind(v) for v in t.values if v is not None}
    if kinds == {"integer"}:
        return "integer"
    if kinds and kinds <= {"integer", "number"}:
        return "number"
    if kinds == {"boolean"}:
        return "boolean"
    return "string"


def _kind_sub(sub: str, sup: str) -> bool:
    return sub == sup or (sub == "integer" and sup == "number")


def strip_null(t: model.TypeExpr) -> model.TypeExpr:
    return t.inner if isinstance(t, model.Nullable) else t
