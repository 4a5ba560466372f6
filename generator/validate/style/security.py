"""Security requirements: every scheme (and OAuth2 scope) defined (Spectral), and every operation secured (Redocly)."""

from __future__ import annotations

from typing import Any

from generator import pointer
from generator.validate.style.context import METHODS, Node, Style, operations


def check_security(style: Style, root: Node) -> None:
    """oas3-operation-security-defined over the top-level and the operations' requirements; security-defined over
    every requirement (webhooks' too) and, without top-level ``security``, over operations that have none."""
    components = root.value.get("components")
    schemes = components.get("securitySchemes") if isinstance(components, dict) else None
    schemes = schemes if isinstance(schemes, dict) else {}
    requirements = [root.child("security")]
    unsecured: list[Node] = []
    for op in operations(style, root):
        requirements.append(op.node.child("security"))
        if op.node.value.get("security") is None:
            unsecured.append(op.node)
    for requirement in requirements:
        _check_defined(style, requirement, schemes)
    for _name, item in style.members(root.child("webhooks")):
        for method in METHODS:
            hook = style.resolve(item.child(method))
            if isinstance(hook.value, dict):
                _check_named(style, hook.child("security"), schemes)
                if hook.value.get("security") is None:
                    unsecured.append(hook)
    if root.value.get("security") is None:
        for op_node in unsecured:
            style.report("SF132", "the operation has no security and the document declares none at the top level",
                         op_node)


def _check_defined(style: Style, requirements: Node, schemes: dict[Any, Any]) -> None:
    """Spectral's check of one ``security`` list: each scheme defined, each scope listed by one of its flows."""
    _check_named(style, requirements, schemes)
    for requirement in style.items(requirements):
        value = requirement.value
        if not isinstance(value, dict) or not all(
                isinstance(scopes, list) and all(isinstance(s, str) for s in scopes) for scopes in value.values()):
            continue
        for name, scopes in value.items():
            where = Node(requirement.doc, pointer.child(requirement.ptr, name), scopes)
            if name not in schemes:
                style.report("SF111", f"security scheme {name!r} is not defined in components.securitySchemes",
                             where)
                continue
            listed = _scopes(schemes[name])
            for i, scope in enumerate(scopes):
                if scope not in listed:
                    style.report("SF111", f"scope {scope!r} is not listed among the scopes of {name!r}",
                                 Node(where.doc, f"{where.ptr}/{i}", scope))


def _check_named(style: Style, requirements: Node, schemes: dict[Any, Any]) -> None:
    """Redocly's security-defined: a requirement naming an undefined scheme."""
    for requirement in style.items(requirements):
        if isinstance(requirement.value, dict):
            for name in requirement.value:
                if name not in schemes:
                    style.report("SF132", f"there is no security scheme {name!r}",
                                 Node(requirement.doc, pointer.child(requirement.ptr, name), None))


def _scopes(scheme: Any) -> set[Any]:
    flows = scheme.get("flows") if isinstance(scheme, dict) else None
    result: set[Any] = set()
    if isinstance(flows, dict):
        for flow in flows.values():
            if isinstance(flow, dict) and isinstance(flow.get("scopes"), dict):
                result.update(flow["scopes"])
    return result
