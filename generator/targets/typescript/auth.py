"""The client's credentials as TypeScript sees them: one client option (and environment variable) per credential,
each security scheme as the runtime sends it, and the default requirement.

An API with a single token scheme keeps the historical ``apiKey`` option and the target's ``api_key_env``; a single
basic scheme takes ``username`` and ``password``; several schemes take one camelCase option each, named after the
scheme, as the Python target names its constructor parameters.
"""

from __future__ import annotations

from dataclasses import replace

from generator import model
from generator.frozen import frozen
from generator.targets.typescript import naming

# ClientOptions members: a credential must not take their names
_CLIENT_OPTIONS = {
    "baseURL", "timeout", "maxRetries", "maxRetryAfter", "fetch", "defaultHeaders", "defaultQuery", "logLevel",
    "logger", "sleep", "random",
}
_EXAMPLES = {"username": "user", "password": "pass"}


@frozen
class TsCredential:
    option: str  # the client option, e.g. "headerKey"
    env_var: str
    example: str  # the value generated tests pass
    doc: str


@frozen
class TsScheme:
    name: str  # key under components/securitySchemes
    key: str  # its key in the client's config: an identifier, never an Object member such as __proto__
    kind: str  # "bearer" (also OAuth2, OpenID Connect), "basic" or "apiKey"
    location: str  # apiKey: "header", "query" or "cookie"
    wire_name: str
    credentials: tuple[str, ...]  # options: (token,) or (username, password)


@frozen
class TsAuth:
    schemes: tuple[TsScheme, ...] = ()
    credentials: tuple[TsCredential, ...] = ()
    security: model.Requirement = ()  # the default requirement
    check_at_init: bool = False  # every call needs the one credential: a missing one fails at construction
    extra_options: bool = False  # credentials beyond ClientOptions.apiKey: the client declares its options type

    def keyed(self, requirement: model.Requirement | None) -> model.Requirement | None:
        """A requirement with each scheme name replaced by the scheme's config key."""
        if requirement is None:
            return None
        keys = {s.name: s.key for s in self.schemes}
        return tuple(tuple(keys[name] for name in alternative if name in keys) for alternative in requirement)


class _Credentials:
    def __init__(self, env_prefix: str) -> None:
        self.env_prefix = env_prefix
        self.taken = set(_CLIENT_OPTIONS) | naming.UNSAFE_MEMBERS | naming.OBJECT_MEMBERS
        self.taken_env: set[str] = set()
        self.made: list[TsCredential] = []

    def __call__(self, wanted: str, doc: str, env: str = "") -> str:
        option = naming.unique(naming.camel(wanted), self.taken)
        env_var = naming.unique(env or f"{self.env_prefix}_{naming.snake(option).upper()}", self.taken_env)
        example = "test-key" if option == "apiKey" else _EXAMPLES.get(option, "test-" + naming.snake(option).replace("_", "-"))
        self.made.append(TsCredential(option, env_var, example, doc))
        return option


def plan_auth(security: model.Security, env_prefix: str, api_key_env: str) -> TsAuth:
    schemes = security.schemes
    single = len(schemes) == 1
    basics = sum(1 for s in schemes if s.kind == "basic")
    credential = _Credentials(env_prefix)
    keys = set(naming.UNSAFE_MEMBERS | naming.OBJECT_MEMBERS)
    planned = []
    for s in schemes:
        key = naming.unique(naming.camel(s.name), keys)
        if s.kind == "basic":
            prefix = "" if basics == 1 else s.name + "_"
            options = (credential(prefix + "username", f"User name of the {s.name} scheme (HTTP basic)."),
                       credential(prefix + "password", f"Password of the {s.name} scheme (HTTP basic)."))
            planned.append(TsScheme(s.name, key, "basic", "header", "Authorization", options))
            continue
        what = {"bearer": "Bearer token", "api_key": "API key", "oauth2": "OAuth2 access token"}[s.kind]
        option = (credential("apiKey", f"{what} of the {s.name} scheme.", api_key_env) if single
                  else credential(s.name, f"{what} of the {s.name} scheme."))
        kind = "apiKey" if s.kind == "api_key" else "bearer"
        planned.append(TsScheme(s.name, key, kind, s.location, s.wire_name, (option,)))
    if not security.declared:
        credential("apiKey", "API key (this API declares no security scheme: it is not sent).", api_key_env)
    requirements = set(security.requirements) or {security.default}
    only = requirements.pop() if len(requirements) == 1 else None
    check = bool(only and len(only) == 1 and len(only[0]) == 1 and single)
    auth = TsAuth(
        schemes=tuple(planned),
        credentials=tuple(credential.made),
        check_at_init=check,
        extra_options=any(c.option != "apiKey" for c in credential.made),
    )
    return replace(auth, security=auth.keyed(security.default) or ())
