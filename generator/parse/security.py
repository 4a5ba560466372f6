"""OpenAPI security schemes and requirements -> model.Auth and each operation's requirement.

Every scheme kind becomes a ``SecurityScheme`` the runtime knows how to send: http bearer and openIdConnect (a bearer
token), http basic (username and password), apiKey in a header, query parameter or cookie, oauth2 (a bearer token
given to the client, or fetched with the clientCredentials flow). mutualTLS and unknown kinds send nothing: the
generator warns, and the user configures them on their own ``http_client``.

Credentials are constructor parameters named after their scheme. An API with a single scheme keeps the historical
``api_key=`` parameter and the target's ``api_key_env``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from generator.errors import SpecError
from generator.model import Auth, Credential, Requirement, SecurityScheme
from generator.targets.python import naming

_SCHEMES_PTR = "/components/securitySchemes/"
# parameters of the client constructor and of copy(); a credential must not take their names
_CLIENT_PARAMS = {
    "self", "base_url", "timeout", "max_retries", "max_retry_after", "default_headers", "default_query",
    "set_default_headers", "set_default_query", "http_client", "strict",
}
# a credential named like this in tests would not satisfy a mock server's format checks: give it a sane value
_EXAMPLES = {"username": "user", "password": "pass"}


def _text(value: Any) -> str:
    """An enum member or a plain string (openapi-pydantic gives either, depending on the version)."""
    if value is None:
        return ""
    return str(getattr(value, "value", value))


def _escape(name: str) -> str:
    return name.replace("~", "~0").replace("/", "~1")


class SecurityReader:
    """Reads the schemes once, then one requirement per operation; ``auth()`` at the end names the credentials."""

    def __init__(
        self,
        spec: Any,
        *,
        resolve: Callable[[Any, str], tuple[Any, str]],
        warnings: list[str],
        env_prefix: str,
        api_key_env: str,
        taken_env: Sequence[str] = (),
    ) -> None:
        self._warnings = warnings
        self._env_prefix = env_prefix
        self._api_key_env = api_key_env
        self._taken_env = set(taken_env)
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

    def _scheme(self, name: str, raw: Any, resolve: Callable[[Any, str], tuple[Any, str]]) -> SecurityScheme | None:
        pointer = _SCHEMES_PTR + _escape(name)
        try:
            scheme, pointer = resolve(raw, pointer)
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

    # --- the client's credentials ----------------------------------------------------------------------------

    def auth(self) -> Auth:
        used = [name for name in self._declared if name in self._used and name in self._schemes]
        schemes = [self._schemes[name] for name in used]
        single = len(schemes) == 1
        basics = sum(1 for s in schemes if s.kind == "basic")
        fetchers = sum(1 for s in schemes if s.kind == "oauth2" and s.token_url)
        taken = set(_CLIENT_PARAMS)
        taken_env = set(self._taken_env)
        credentials: list[Credential] = []

        def credential(wanted: str, doc: str, env: str = "") -> str:
            param = naming.unique(naming.param_name(wanted), taken)
            env_var = naming.unique(env or f"{self._env_prefix}_{param.upper()}", taken_env)
            example = "sk-test-key" if param == "api_key" else _EXAMPLES.get(param, "test-" + param.replace("_", "-"))
            credentials.append(Credential(param=param, env_var=env_var, example=example, doc=doc))
            return param

        named: list[SecurityScheme] = []
        for s in schemes:
            base = naming.snake(s.name)
            scopes = tuple(self._scopes.get(s.name, ()))
            if s.kind == "basic":
                prefix = "" if basics == 1 else base + "_"
                named.append(SecurityScheme(
                    s.name, "basic",
                    username=credential(prefix + "username", f"user name of the {s.name} scheme (HTTP basic)"),
                    password=credential(prefix + "password", f"password of the {s.name} scheme (HTTP basic)"),
                ))
                continue
            what = {"bearer": "bearer token", "api_key": "API key", "oauth2": "OAuth2 access token"}[s.kind]
            token = (credential("api_key", f"{what} of the {s.name} scheme", self._api_key_env) if single
                     else credential(base, f"{what} of the {s.name} scheme"))
            client_id = client_secret = ""
            if s.kind == "oauth2" and s.token_url:
                prefix = "" if fetchers == 1 else base + "_"
                client_id = credential(prefix + "client_id", f"OAuth2 client id of the {s.name} scheme")
                client_secret = credential(prefix + "client_secret", f"OAuth2 client secret of the {s.name} scheme")
            named.append(SecurityScheme(
                s.name, s.kind, location=s.location, wire_name=s.wire_name, token=token,
                client_id=client_id, client_secret=client_secret, token_url=s.token_url, scopes=scopes,
            ))
        if not self._declared:
            # no scheme at all: the client still takes an api_key (as it always has) and sends it nowhere
            credential("api_key", "API key (this API declares no security scheme: it is not sent)", self._api_key_env)
        requirements = set(self._requirements) or {self.default}
        only = requirements.pop() if len(requirements) == 1 else None
        check = bool(only and len(only) == 1 and len(only[0]) == 1 and single)
        main = credentials[0] if credentials else None
        return Auth(
            schemes=tuple(named),
            credentials=tuple(credentials),
            security=self.default,
            check_at_init=check,
            env_var=main.env_var if main else "",
            param=main.param if main else "",
            sensitive=tuple(sorted({s.wire_name.lower() for s in named})),
        )


def _any_operation_security(spec: Any) -> bool:
    for item in (spec.paths or {}).values():
        for method in ("get", "put", "post", "delete", "options", "head", "patch", "trace"):
            op = getattr(item, method, None)
            if op is not None and op.security is not None:
                return True
    return False


def single_scheme_auth(kind: str, *, name: str = "", env_var: str = "API_KEY", required: bool = True) -> Auth:
    """The Auth of an API with one scheme (``kind`` bearer, header, query, cookie, basic or none): for tests."""
    if kind == "none":
        credential = Credential("api_key", env_var, "sk-test-key")
        return Auth(credentials=(credential,), env_var=env_var, param="api_key")
    if kind == "basic":
        scheme = SecurityScheme("auth", "basic", username="username", password="password")
        prefix = env_var.rsplit("_API_KEY", 1)[0]
        credentials = (
            Credential("username", prefix + "_USERNAME", "user"),
            Credential("password", prefix + "_PASSWORD", "pass"),
        )
    else:
        if kind == "bearer":
            scheme = SecurityScheme("auth", "bearer", token="api_key")
        else:
            scheme = SecurityScheme("auth", "api_key", location=kind, wire_name=name, token="api_key")  # type: ignore[arg-type]
        credentials = (Credential("api_key", env_var, "sk-test-key"),)
    security: Requirement = (("auth",),) if required else (("auth",), ())
    return Auth(
        schemes=(scheme,),
        credentials=credentials,
        security=security,
        check_at_init=required,
        env_var=credentials[0].env_var,
        param=credentials[0].param,
        sensitive=(scheme.wire_name.lower(),),
    )
