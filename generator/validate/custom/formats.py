"""Spectral's document formats (``formats:`` of a rule or ruleset): which ones a document is."""

from __future__ import annotations

from typing import Any

FORMATS = ("oas2", "oas3", "oas3.0", "oas3_0", "oas3.1", "oas3_1", "oas3.2", "oas3_2")


def formats_of(data: Any) -> frozenset[str]:
    """The formats of a document (``oas3`` and ``oas3_1`` for ``openapi: 3.1.0``), in the ``_`` spelling."""
    if not isinstance(data, dict):
        return frozenset()
    if str(data.get("swagger", "")).startswith("2"):
        return frozenset({"oas2"})
    version = str(data.get("openapi", ""))
    if not version.startswith("3"):
        return frozenset()
    minor = version.split(".")[1] if version.count(".") >= 1 else ""
    return frozenset({"oas3", f"oas3_{minor}"} if minor else {"oas3"})
