"""Security requirements (SF040): every scheme a requirement names is defined under components.securitySchemes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator import pointer

if TYPE_CHECKING:
    from generator.validate.context import DocChecker


def scheme_names(data: dict[str, Any]) -> set[Any]:
    components = data.get("components") if isinstance(data.get("components"), dict) else {}
    schemes = components.get("securitySchemes") if isinstance(components, dict) else None
    return set(schemes) if isinstance(schemes, dict) else set()


def check_security(checker: DocChecker, requirements: Any, ptr: str, schemes: set[Any]) -> None:
    if not isinstance(requirements, list):
        return
    for i, req in enumerate(requirements):
        if isinstance(req, dict):
            for name in req:
                if name not in schemes:
                    checker.report("SF040", f"security scheme {name!r} is not defined in components.securitySchemes",
                                   pointer.child(f"{ptr}/{i}", name))
