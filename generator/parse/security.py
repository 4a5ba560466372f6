"""OpenAPI security schemes and requirements -> model.Security and each operation's requirement.

Every scheme kind becomes a ``SecurityScheme`` the runtime knows how to send: http bearer and openIdConnect (a bearer
token), http basic (username and password), apiKey in a header, query parameter or cookie, oauth2 (a bearer token
given to the client, or fetched with the clientCredentials flow). mutualTLS and unknown kinds send nothing: the
generator warns, and the user configures them on their own ``http_client``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from generator.errors import SpecError
from generator.model import Requirement, Security, SecurityScheme
from generator.pointer import escape

_SCHEMES_PTR = "/components/securitySchemes/"


def _text(value: Any) -> str:
    """An enum member or a plain string (openapi-pydantic gives either, depending on the version)."""
    if value is None:
        return ""
    return str(getattr(value, "value", value))


class SecurityReader:
    """Reads the schemes once, then one requirement per operation; ``security()`` at the end sums them up."""

    def __init__(
        self,
        spec: Any,
        *,
        resolve: Callable[..., tuple[Any, str]],
        warnings: list[str],
    ) -> None:
        self._warnings = warnings
        declared = (spec.components.securitySchemes if spec.components else None) or {}
        self._declared = list(declared)
        self._schemes: dict[str, SecurityScheme] = {}
        for name, raw in declared.items():
            scheme = self._scheme(name, raw, resolve)
            if scheme is not None:
                self._schemes[name] = scheme
        self._scopes: dict[str, list[str]] = {}
        self._used: set[str] = set()
        self._requirements: list[Requirement] = []
        if spec.security is not None:
            self.default = self._requirement(spec.security, "/security")
        elif declared and not _any_operation_security(spec):
            # no requirement anywhere: any declared scheme will do (the first one whose credentials are set)
            self.default = tuple((name,) for name in declared if name in self._schemes) or ((),)
        else:
            self.default = ()

    # --- schemes ---------------------------------------------------------------------------------------------

    def _warn(self, pointer: str, message: str) -> None:
        self._warnings.append(f"{pointer}: {message}")

    def _scheme(self, name: str, raw: Any, resolve: Callable[..., tuple[Any, str]]) -> SecurityScheme | None:
        pointer = _SCHEMES_PTR + escape(name)
        try:
            scheme, pointer = resolve(raw, pointer, "SecurityScheme")
        except SpecError as err:  # an unresolvable $ref: the scheme is left out, never a traceback
            self._warn(pointer, f"security scheme {name!r} is ignored: {err}")
            return None
        kind = _text(getattr(scheme, "type", None))
        if kind == "http":
            http = _text(getattr(scheme, "scheme", None)).lower()
            if http == "bearer":
                return SecurityScheme(name, "bearer")
            if http == "basic":
                return SecurityScheme(name, "basic")
            self._warn(pointer, f"http scheme {http or '(none)'!r} is not supported: the SDK sends no credentials for it "
                       "(set the header with default_headers=)")
            return None
        if kind == "apiKey":
            where = _text(getattr(scheme, "security_scheme_in", None))
            wire = getattr(scheme, "name", None) or ""
            if where in ("header", "query", "cookie") and wire:
                return SecurityScheme(name, "api_key", location=where, wire_name=wire)  # type: ignore[arg-type]
            self._warn(pointer, f"apiKey scheme needs `in` (header, query or cookie) and `name`; got in={where!r}, "
                       f"name={wire!r}: the SDK sends no credentials for it")
            return None
        if kind == "openIdConnect":
            return SecurityScheme(name, "bearer")
        if kind == "oauth2":
            flows = getattr(scheme, "flows", None)
            flow = getattr(flows, "clientCredentials", None) if flows is not None else None
            token_url = (getattr(flow, "tokenUrl", None) or "") if flow is not None else ""
            return SecurityScheme(name, "oauth2", token_url=str(token_url))
        if kind == "mutualTLS":
            self._warn(pointer, "mutualTLS: the SDK sends nothing for this scheme; pass http_client= an httpx client "
                       "configured with your client certificate")
            return None
        self._warn(pointer, f"unknown security scheme type {kind!r}: the SDK sends no credentials for it")
        return None

    # --- requirements ----------------------------------------------------------------------------------------

    def _requirement(self, security: Sequence[Mapping[str, Any]], pointer: str) -> Requirement:
        alternatives: list[tuple[str, ...]] = []
        for index, requirement in enumerate(security or ()):
            names: list[str] = []
            skipped = False
            for name, scopes in (requirement or {}).items():
                if name not in self._declared:
                    self._warn(f"{pointer}/{index}", f"unknown security scheme {name!r}: this alternative is skipped")
                    skipped = True
                    break
                if name not in self._schemes:
                    continue  # mutualTLS or unsupported: sends nothing (warned once, at the scheme)
                names.append(name)
                for scope in scopes or ():
                    if isinstance(scope, str) and scope not in self._scopes.setdefault(name, []):
                        self._scopes[name].append(scope)
            alternative = tuple(names)
            if not skipped and alternative not in alternatives:
                alternatives.append(alternative)
        if security and not alternatives:
            alternatives.append(())  # every alternative was unusable: send nothing rather than fail every call
        return tuple(alternatives)

    def operation(self, security: Sequence[Mapping[str, Any]] | None, pointer: str) -> Requirement | None:
        """The operation's requirement, or None when it is the API's default."""
        requirement = self.default if security is None else self._requirement(security, pointer + "/security")
        self._requirements.append(requirement)
        self._used.update(name for alternative in requirement for name in alternative)
        return None if requirement == self.default else requirement

    def replayed(self, security: Sequence[Mapping[str, Any]] | None, pointer: str) -> None:
        """``operation``'s part in the sum, for an operation taken from a record (its warnings are there)."""
        warnings, self._warnings = self._warnings, []
        try:
            self.operation(security, pointer)
        finally:
            self._warnings = warnings

    # --- the whole API ----------------------------------------------------------------------------------------

    def security(self) -> Security:
        used = [name for name in self._declared if name in self._used and name in self._schemes]
        return Security(
            schemes=tuple(self._schemes[name] for name in used),
            scopes=tuple((name, tuple(self._scopes.get(name, ()))) for name in used),
            default=self.default,
            requirements=tuple(self._requirements),
            declared=bool(self._declared),
        )


def _any_operation_security(spec: Any) -> bool:
    for item in (spec.paths or {}).values():
        for method in ("get", "put", "post", "delete", "options", "head", "patch", "trace"):
            op = getattr(item, method, None)
            if op is not None and op.security is not None:
                return True
    return False
