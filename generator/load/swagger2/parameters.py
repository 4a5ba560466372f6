"""Swagger 2.0 non-body parameters and headers as OpenAPI 3.0 ones: a ``schema`` from their type keywords, and
``collectionFormat`` as ``style`` / ``explode``."""

from __future__ import annotations

from typing import Any

from generator.load.swagger2 import schemas
from generator.load.swagger2.origins import Notes

#: the keywords of a 2.0 parameter, items or header object that describe its value: its 3.0 ``schema``
_VALUE_KEYS = ("type", "format", "default", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength",
               "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "enum", "multipleOf", "x-nullable")
_PARAMETER_KEYS = ("name", "in", "description", "required", "allowEmptyValue", "deprecated")

#: collectionFormat -> (style, explode) by where the value goes; a missing entry has no 3.0 equivalent
_STYLES: dict[str, dict[str, tuple[str, bool]]] = {
    "csv": {"query": ("form", False), "formData": ("form", False), "path": ("simple", False),
            "header": ("simple", False)},
    "multi": {"query": ("form", True), "formData": ("form", True)},
    "ssv": {"query": ("spaceDelimited", False), "formData": ("spaceDelimited", False)},
    "pipes": {"query": ("pipeDelimited", False), "formData": ("pipeDelimited", False)},
}


def value_schema(obj: dict[Any, Any], ptr: str, notes: Notes) -> dict[Any, Any]:
    """The 3.0 schema of a parameter, items or header object (its ``items`` too), noted at ``ptr``."""
    out = {key: obj[key] for key in _VALUE_KEYS if key in obj}
    items = obj.get("items")
    if isinstance(items, dict):
        out["items"] = schemas.schema(items, ptr + "/items", notes) if "$ref" in items else \
            value_schema(items, ptr + "/items", notes)
    if "x-example" in obj:
        out["example"] = obj["x-example"]
    return notes.note(schemas.dialect(out), ptr)


def style(param: dict[Any, Any], location: str, ptr: str, notes: Notes) -> tuple[str, bool] | None:
    """(style, explode) for an array parameter's ``collectionFormat`` (csv when none); None: the 3.0 default."""
    if param.get("type") != "array":
        return None
    fmt = param.get("collectionFormat", "csv")
    found = _STYLES.get(fmt, {}).get(location) if isinstance(fmt, str) else None
    if found is None:
        notes.warn("SF091", f"collectionFormat {fmt!r} has no OpenAPI 3 equivalent for an `in: {location}` parameter; "
                            "read as csv (comma-separated)", ptr + "/collectionFormat")
        found = _STYLES["csv"].get(location, ("form", False))
    return found


def parameter(param: dict[Any, Any], ptr: str, notes: Notes) -> dict[Any, Any]:
    """The 3.0 parameter for a 2.0 query, path, header or cookie parameter."""
    out = {key: param[key] for key in _PARAMETER_KEYS if key in param}
    out.update((key, value) for key, value in param.items() if _extension(key))
    location = str(param.get("in", ""))
    if location == "path":
        out["required"] = True
    out["schema"] = value_schema(param, ptr, notes)
    found = style(param, location, ptr, notes)
    if found is not None:  # csv in a query too: a 3.0 `form` parameter explodes unless told otherwise
        out["style"], out["explode"] = found
    return notes.note(out, ptr)


def header(obj: Any, ptr: str, notes: Notes) -> Any:
    """The 3.0 response header for a 2.0 header object."""
    if not isinstance(obj, dict):
        return obj
    out: dict[Any, Any] = {key: obj[key] for key in ("description",) if key in obj}
    out.update((key, value) for key, value in obj.items() if _extension(key))
    out["schema"] = value_schema(obj, ptr, notes)
    return notes.note(out, ptr)


def _extension(key: Any) -> bool:
    return isinstance(key, str) and key.startswith("x-") and key not in ("x-example", "x-nullable")
