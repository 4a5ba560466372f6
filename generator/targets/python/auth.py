"""The client's credentials: constructor parameters (and environment variables) named after the security schemes.

An API with a single scheme keeps the historical ``api_key=`` parameter and the target's ``api_key_env``.
"""

from __future__ import annotations

from generator import model
from generator.targets.python import naming
from generator.targets.python.shapes import PyAuth, PyCredential, PySecurityScheme

# parameters of the client constructor and of copy(); a credential must not take their names
_CLIENT_PARAMS = {
    "self", "base_url", "timeout", "max_retries", "max_retry_after", "default_headers", "default_query",
    "set_default_headers", "set_default_query", "http_client", "strict",
}
# a credential named like this in tests would not satisfy a mock server's format checks: give it a sane value
_EXAMPLES = {"username": "user", "password": "pass"}


class _Credentials:
    def __init__(self, env_prefix: str, taken_env: tuple[str, ...]) -> None:
        self.env_prefix = env_prefix
        self.taken = set(_CLIENT_PARAMS)
        self.taken_env = set(taken_env)
        self.made: list[PyCredential] = []

    def __call__(self, wanted: str, doc: str, env: str = "") -> str:
        param = naming.unique(naming.param_name(wanted), self.taken)
        env_var = naming.unique(env or f"{self.env_prefix}_{param.upper()}", self.taken_env)
        example = "sk-test-key" if param == "api_key" else _EXAMPLES.get(param, "test-" + param.replace("_", "-"))
        self.made.append(PyCredential(param=param, env_var=env_var, example=example, doc=doc))
        return param


def auth(security: model.Security, env_prefix: str, api_key_env: str, taken_env: tuple[str, ...]) -> PyAuth:
    schemes = security.schemes
    single = len(schemes) == 1
    basics = sum(1 for s in schemes if s.kind == "basic")
    fetchers = sum(1 for s in schemes if s.kind == "oauth2" and s.token_url)
    credential = _Credentials(env_prefix, taken_env)
    scopes = dict(security.scopes)
    named: list[PySecurityScheme] = []
    for s in schemes:
        base = naming.snake(s.name)
        if s.kind == "basic":
            prefix = "" if basics == 1 else base + "_"
            named.append(PySecurityScheme(
                s.name, "basic",
                username=credential(prefix + "username", f"user name of the {s.name} scheme (HTTP basic)"),
                password=credential(prefix + "password", f"password of the {s.name} scheme (HTTP basic)"),
            ))
            continue
        what = {"bearer": "bearer token", "api_key": "API key", "oauth2": "OAuth2 access token"}[s.kind]
        token = (credential("api_key", f"{what} of the {s.name} scheme", api_key_env) if single
                 else credential(base, f"{what} of the {s.name} scheme"))
        client_id = client_secret = ""
        if s.kind == "oauth2" and s.token_url:
            prefix = "" if fetchers == 1 else base + "_"
            client_id = credential(prefix + "client_id", f"OAuth2 client id of the {s.name} scheme")
            client_secret = credential(prefix + "client_secret", f"OAuth2 client secret of the {s.name} scheme")
        named.append(PySecurityScheme(
            s.name, s.kind, location=s.location, wire_name=s.wire_name, token=token,
            client_id=client_id, client_secret=client_secret, token_url=s.token_url, scopes=scopes.get(s.name, ()),
        ))
    if not security.declared:
        # no scheme at all: the client still takes an api_key (as it always has) and sends it nowhere
        credential("api_key", "API key (this API declares no security scheme: it is not sent)", api_key_env)
    requirements = set(security.requirements) or {security.default}
    only = requirements.pop() if len(requirements) == 1 else None
    check = bool(only and len(only) == 1 and len(only[0]) == 1 and single)
    main = credential.made[0] if credential.made else None
    return PyAuth(
        schemes=tuple(named),
        credentials=tuple(credential.made),
        security=security.default,
        check_at_init=check,
        env_var=main.env_var if main else "",
        param=main.param if main else "",
        sensitive=tuple(sorted({s.wire_name.lower() for s in named})),
    )


def single_scheme_auth(kind: str, *, name: str = "", env_var: str = "API_KEY", required: bool = True) -> PyAuth:
    """The Auth of an API with one scheme (``kind`` bearer, header, query, cookie, basic or none): for tests."""
    if kind == "none":
        credential = PyCredential("api_key", env_var, "sk-test-key")
        return PyAuth(credentials=(credential,), env_var=env_var, param="api_key")
    if kind == "basic":
        scheme = PySecurityScheme("auth", "basic", username="username", password="password")
        prefix = env_var.rsplit("_API_KEY", 1)[0]
        credentials: tuple[PyCredential, ...] = (
            PyCredential("username", prefix + "_USERNAME", "user"),
            PyCredential("password", prefix + "_PASSWORD", "pass"),
        )
    else:
        if kind == "bearer":
            scheme = PySecurityScheme("auth", "bearer", token="api_key")
        else:
            scheme = PySecurityScheme("auth", "api_key", location=kind, wire_name=name, token="api_key")  # type: ignore[arg-type]
        credentials = (PyCredential("api_key", env_var, "sk-test-key"),)
    security: model.Requirement = (("auth",),) if required else (("auth",), ())
    return PyAuth(
        schemes=(scheme,),
        credentials=credentials,
        security=security,
        check_at_init=required,
        env_var=credentials[0].env_var,
        param=credentials[0].param,
        sensitive=(scheme.wire_name.lower(),),
    )
