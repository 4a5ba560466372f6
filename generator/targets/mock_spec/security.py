"""Security requirements one request can meet: an HTTP request carries one ``Authorization`` header, so of the
schemes a requirement joins (``basic`` and ``oauth2`` together, say) that all want it, the copy keeps the one the
SDK sends: the last, as its credentials are set in the requirement's order and the last one written wins."""

from __future__ import annotations

from functools import partial
from typing import Any

from generator.targets.mock_spec.edits import Edits, local
from generator.targets.mock_spec.places import operations


def one_authorization_header(data: Any) -> Edits:
    if not isinstance(data, dict):
        return {}
    schemes = _schemes(data)
    uses_header = frozenset(name for name, scheme in schemes.items() if _wants_authorization(data, scheme))
    lists = [(("security",), data.get("security"))] + [(path + ("security",), op.get("security"))
                                                       for path, _, op in operations(data)]
    return {path: partial(_meetable, uses_header) for path, requirements in lists
            if isinstance(requirements, list) and any(_conflicts(r, uses_header) for r in requirements)}


def _schemes(data: Any) -> dict[str, Any]:
    components = data.get("components")
    found = components.get("securitySchemes") if isinstance(components, dict) else None
    return found if isinstance(found, dict) else {}


def _wants_authorization(data: Any, scheme: Any) -> bool:
    scheme = local(data, scheme)
    return isinstance(scheme, dict) and scheme.get("type") in ("http", "oauth2", "openIdConnect")


def _conflicts(requirement: Any, uses_header: frozenset[str]) -> bool:
    return isinstance(requirement, dict) and len(uses_header.intersection(requirement)) > 1


def _meetable(uses_header: frozenset[str], requirements: list[Any]) -> list[Any]:
    return [_one_header(r, uses_header) if _conflicts(r, uses_header) else r for r in requirements]


def _one_header(requirement: dict[str, Any], uses_header: frozenset[str]) -> dict[str, Any]:
    last = [name for name in requirement if name in uses_header][-1]
    return {name: scopes for name, scopes in requirement.items() if name not in uses_header or name == last}
