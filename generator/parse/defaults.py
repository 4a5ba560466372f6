"""Property defaults: kept when the value fits the property's type, else dropped with a warning (SF025)."""

from __future__ import annotations

import datetime
from typing import Any

from pydantic import BaseModel as _PydanticModel

from generator.model import Any as AnyType
from generator.model import ListOf, Literal, MapOf, Nullable, Scalar, TypeExpr, Union, unaliased
from generator.parse.examples import jsonable
from generator.parse.unions import Unions
from generator.pointer import escape

_SCALARS: dict[str, Any] = {"string": str, "integer": int, "number": (int, float), "boolean": bool}


class Defaults(Unions):
    _schema_pointers: dict[int, str] | None = None

    def default_value(self, schema: Any, t: TypeExpr) -> Any:
        """The schema's default as JSON data when the type can hold it; None when there is none or it is dropped."""
        value = getattr(schema, "default", None)
        if value is None:
            return None
        data = jsonable(value)
        if not default_fits(data, unaliased(t, self._alias_of)):
            self._drop_default(schema, value)
            return None
        return data

    def _alias_of(self, ref_id: int) -> TypeExpr | None:
        built = self.built(ref_id)
        return built.alias_of if built is not None and built.kind == "alias" else None

    def _drop_default(self, schema: Any, value: Any) -> None:
        pointer = self._default_pointers().get(id(schema))
        if pointer is None or pointer in self.dropped_defaults:
            return
        self.dropped_defaults.add(pointer)
        self.warnings.append(f"{pointer}: SF025 default {value!r:.60} does not fit the field's type; dropped")

    def _default_pointers(self) -> dict[int, str]:
        """id(parsed schema) -> pointer of its `default`, for the schemas a default is dropped from (built once)."""
        if self._schema_pointers is None:
            self._schema_pointers = _pointers_of_defaults(self.spec)
        return self._schema_pointers


def _pointers_of_defaults(spec: Any) -> dict[int, str]:
    found: dict[int, str] = {}
    stack: list[tuple[Any, str]] = [(spec, "")]
    seen: set[int] = set()
    while stack:
        node, ptr = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, _PydanticModel):
            if getattr(node, "default", None) is not None and "default" in node.model_fields_set:
                found[id(node)] = ptr + "/default"
            for name in node.model_fields_set:
                info = type(node).model_fields.get(name)
                key = info.alias if info is not None and info.alias else name
                if key in ("default", "example", "examples", "enum", "const"):
                    continue
                stack.append((getattr(node, name), ptr + "/" + escape(key)))
        elif isinstance(node, dict):
            stack.extend((v, ptr + "/" + escape(str(k))) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((v, f"{ptr}/{i}") for i, v in enumerate(node))
    return found


def default_fits(value: Any, t: TypeExpr) -> bool:
    """Whether a property of type ``t`` can default to ``value`` (plain JSON data)."""
    inner = t.inner if isinstance(t, Nullable) else t
    if isinstance(value, (str, int, float, bool)) and (scalar_fits(value, inner) or isinstance(inner, AnyType)):
        return True
    if isinstance(inner, Union):
        return any(default_fits(value, item) for item in inner.items)
    if isinstance(inner, Scalar) and inner.kind in ("date", "datetime") and isinstance(value, str):
        return iso_text(value, inner.kind) is not None
    return isinstance(inner, (ListOf, MapOf, AnyType)) and isinstance(value, (list, dict)) and data_fits(value, inner)


def iso_text(value: str, kind: str) -> str | None:
    """The ISO text of a date / date-time default (``Z`` spelled ``+00:00``), None when it is not one."""
    text = value.replace("Z", "+00:00") if kind == "datetime" else value
    try:
        (datetime.date if kind == "date" else datetime.datetime).fromisoformat(text)
    except ValueError:
        return None
    return text


def data_fits(value: Any, t: TypeExpr) -> bool:
    """A list/dict default that plain data can hold (no objects: defaults are not validated into models)."""
    inner = t.inner if isinstance(t, Nullable) else t
    if isinstance(inner, AnyType):
        return True
    if value is None:
        return isinstance(t, Nullable)
    if isinstance(inner, ListOf):
        return isinstance(value, list) and all(data_fits(v, inner.item) for v in value)
    if isinstance(inner, MapOf):
        return isinstance(value, dict) and all(isinstance(k, str) and data_fits(v, inner.value) for k, v in value.items())
    return isinstance(value, (str, int, float, bool)) and scalar_fits(value, inner)


def scalar_fits(value: Any, t: TypeExpr) -> bool:
    inner = t.inner if isinstance(t, Nullable) else t
    if isinstance(inner, Literal):
        return value in inner.values or inner.open
    if isinstance(inner, Scalar):
        expected = _SCALARS.get(inner.kind)
        return expected is not None and isinstance(value, expected) and (inner.kind == "boolean" or not isinstance(value, bool))
    return False
