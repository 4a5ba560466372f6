"""Authentication (SF201-SF205): how credentials travel, which schemes are used, and that every operation says."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from generator import pointer
from generator.validate.owasp.operations import resolved

if TYPE_CHECKING:
    from generator.validate.context import DocChecker
    from generator.validate.owasp.operations import Operation

_INSECURE_HTTP = frozenset(("negotiate", "oauth"))
# a parameter name, its words joined in lower case, that carries a credential (the words of Spectral's
# no-credentials-in-url; `token` only alone or after a word that makes it one: a pagination `page_token` is not one)
_CREDENTIAL = re.compile(r"password|passwd|secret|apikey|(?:access|refresh|id|auth|bearer|session)token|^token$")
# a last word that makes the name about credentials rather than one (`api_key_id`, `secretName`, `revokeTokens`)
_ABOUT = frozenset(("id", "ids", "name", "names", "type", "types", "count", "hint", "prefix", "tokens", "secrets",
                    "passwords", "keys"))
_WORDS = re.compile(r"[-_.\s]+|(?<=[a-z0-9])(?=[A-Z])")


def check_schemes(checker: DocChecker) -> None:
    """The document's security schemes (SF201, SF203, SF204)."""
    components = checker.doc.data.get("components")
    schemes = components.get("securitySchemes") if isinstance(components, dict) else None
    if not isinstance(schemes, dict):
        return
    for name, raw in schemes.items():
        schecker, ptr, scheme = resolved(checker, pointer.join("components", "securitySchemes", name), raw)
        if isinstance(scheme, dict):
            _scheme(schecker, str(name), scheme, ptr)


def _scheme(checker: DocChecker, name: str, scheme: dict[str, Any], ptr: str) -> None:
    kind, where = scheme.get("type"), scheme.get("in")
    if kind == "apiKey" and where in ("query", "path"):
        checker.report("SF201", f"API key {name!r} is sent in the URL ({where})", pointer.child(ptr, "in"))
    http = scheme.get("scheme")
    if kind != "http" or not isinstance(http, str):
        return
    if http.lower() == "basic":
        checker.report("SF203", f"security scheme {name!r} uses HTTP Basic authentication", pointer.child(ptr, "scheme"))
    elif http.lower() in _INSECURE_HTTP:
        checker.report("SF204", f"security scheme {name!r} uses the insecure HTTP scheme {http!r}",
                       pointer.child(ptr, "scheme"))


def check_operation_auth(ops: Iterable[Operation]) -> None:
    """Each operation states its security (SF205); no credential travels as a query or path parameter (SF202)."""
    items: set[tuple[int, str]] = set()
    for op in ops:
        if not op.declared:
            op.checker.report("SF205", f"{op.label} has no `security` and the document has none either", op.ptr)
        if (id(op.checker), op.item_ptr) not in items:
            items.add((id(op.checker), op.item_ptr))
            _parameters(op.checker, op.item.get("parameters"), pointer.child(op.item_ptr, "parameters"))
        _parameters(op.checker, op.op.get("parameters"), pointer.child(op.ptr, "parameters"))


def _parameters(checker: DocChecker, params: Any, ptr: str) -> None:
    if not isinstance(params, list):
        return
    for i, raw in enumerate(params):
        pchecker, pptr, param = resolved(checker, f"{ptr}/{i}", raw)
        if not isinstance(param, dict) or param.get("in") not in ("query", "path"):
            continue
        name = param.get("name")
        if isinstance(name, str) and _is_credential(name):
            pchecker.report("SF202", f"{param['in']} parameter {name!r} looks like a credential in the URL",
                            pointer.child(pptr, "name"))


def _is_credential(name: str) -> bool:
    words = [word.lower() for word in _WORDS.split(name) if word]
    return bool(words) and words[-1] not in _ABOUT and _CREDENTIAL.search("".join(words)) is not None
