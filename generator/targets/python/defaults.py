"""Python source of a field's default: a literal, ``date``/``datetime`` parsed from ISO text, or a data literal."""

from __future__ import annotations

from typing import Any

from generator import model
from generator.parse.defaults import data_fits, iso_text, scalar_fits
from generator.targets.python.source import data_literal, literal


def default_source(value: Any, t: model.TypeExpr) -> str | None:
    """Source for ``value`` (plain JSON data) as the default of a field of the unaliased type ``t``; None: no fit."""
    inner = t.inner if isinstance(t, model.Nullable) else t
    if isinstance(value, (str, int, float, bool)) and (scalar_fits(value, inner) or isinstance(inner, model.Any)):
        return literal(value)
    if isinstance(inner, model.Union):  # the first member the value fits
        for item in inner.items:
            source = default_source(value, item)
            if source is not None:
                return source
        return None
    if isinstance(inner, model.Scalar) and inner.kind in ("date", "datetime") and isinstance(value, str):
        text = iso_text(value, inner.kind)
        return None if text is None else f"{inner.kind}.fromisoformat({literal(text)})"
    if isinstance(inner, (model.ListOf, model.MapOf, model.Any)) and isinstance(value, (list, dict)) and data_fits(value, inner):
        # a plain literal, not a default_factory lambda: mypy checks it against the annotation (a lambda's
        # ["a"] is list[str], not list[Literal["a"]]), and pydantic copies a mutable default for every instance
        return data_literal(value)
    return None
