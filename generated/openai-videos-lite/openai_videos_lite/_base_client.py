"""The HTTP machinery shared by the sync and async clients: request building, retries, errors, parsing, logs."""

from __future__ import annotations

import base64
import email.utils
import inspect
import json
import logging
import math
import os
import random
import threading
import time
import uuid
from collections.abc import Awaitable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import (
    TYPE_CHECKING,
    Annotated,
    Any,
    Callable,
    ClassVar,
    Generic,
    TypeVar,
    Union,
    cast,
)
from urllib.parse import quote, urlencode

import anyio
import httpx
import pydantic
from typing_extensions import Self, get_args, get_origin

from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    error_message_from_body,
    is_transport_error,
    make_status_error,
)
from ._files import FormField, build_multipart
from ._identity import DISTRIBUTION, ErrorBase
from ._logs import logger, setup_logging
from ._models import construct_type, validate_json_type, validate_type
from ._response import (
    RAW_RESPONSE_HEADER,
    APIResponse,
    AsyncAPIResponse,
    AsyncBinaryAPIResponse,
    BinaryAPIResponse,
)
from ._streaming import AsyncStream, Stream
from ._types import (
    NOT_GIVEN,
    Body,
    Headers,
    NoneType,
    NotGiven,
    Omit,
    ParamStyles,
    Query,
    RequestOptions,
)
from ._utils import encode_query, is_given, primitive_to_str, to_json_bytes
from ._version import __version__

if TYPE_CHECKING:
    from ._pagination import AsyncCursorPage, AsyncPaginator, PagingSpec, SyncCursorPage

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_MAX_RETRY_AFTER",
    "DEFAULT_TIMEOUT",
    "AsyncAPIClient",
    "FinalRequestOptions",
    "Security",
    "SecurityScheme",
    "SyncAPIClient",
    "build_request_options",
    "encode_query",
    "make_request_options",
]

_ItemT = TypeVar("_ItemT")
_SyncPageT = TypeVar("_SyncPageT", bound="SyncCursorPage[Any]")
_AsyncPageT = TypeVar("_AsyncPageT", bound="AsyncCursorPage[Any]")
_HttpClientT = TypeVar("_HttpClientT", bound=Union[httpx.Client, httpx.AsyncClient])

DEFAULT_TIMEOUT = httpx.Timeout(timeout=600.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
JITTER_FACTOR = 0.25
# the longest Retry-After the client waits (two minutes, openai-python's cap); a server asking for more gets no
# retry (client option max_retry_after)
DEFAULT_MAX_RETRY_AFTER = 120.0
_INFINITY_LITERALS = frozenset({"inf", "+inf", "infinity", "+infinity"})

USER_AGENT = DISTRIBUTION + "/Python " + __version__

REDACTED = "<redacted>"
_SENSITIVE_HEADERS = frozenset({"authorization", "proxy-authorization", "api-key", "x-api-key", "cookie"})
_RETRY_STATUSES = frozenset({408, 409, 429})
# a fetched OAuth2 token is renewed this long before it expires (at most a tenth of its lifetime)
TOKEN_EXPIRY_MARGIN = 30.0

# A security requirement: alternatives (the first one whose credentials are all set is used), each the names of the
# schemes sent together. ``()`` sends no credentials; an empty alternative makes them optional.
Security = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class SecurityScheme:
    """How one security scheme is sent; ``token``, ``username``... name the client's credential arguments."""

    name: str
    kind: str  # "bearer" | "basic" | "api_key" | "oauth2"
    location: str = "header"  # "header" | "query" | "cookie"
    wire_name: str = "Authorization"
    token: str = ""
    username: str = ""
    password: str = ""
    client_id: str = ""
    client_secret: str = ""
    token_url: str = ""
    scopes: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Auth:
    """The credentials one call sends; ``fetched`` names the OAuth2 schemes whose token the client fetched."""

    headers: Mapping[str, str]
    query: Mapping[str, str]
    cookies: Mapping[str, str]
    fetched: tuple[SecurityScheme, ...] = ()


_NO_AUTH = _Auth({}, {}, {})

PostParser = Callable[[Any, httpx.Response], Any]


@dataclass(frozen=True)
class FinalRequestOptions:
    """Everything needed to send one call (possibly several times, when retried)."""

    method: str
    url: str
    params: Mapping[str, object] = field(default_factory=dict)
    headers: Mapping[str, str | Omit] = field(default_factory=dict)
    cookies: Mapping[str, object] = field(default_factory=dict)
    body: object = None
    extra_json: Mapping[str, object] | None = None
    content_type: str | None = None
    files: tuple[str, ...] = ()
    param_styles: ParamStyles = field(default_factory=dict)
    part_styles: ParamStyles = field(default_factory=dict)
    part_types: Mapping[str, str] = field(default_factory=dict)
    timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN
    max_retries: int | NotGiven = NOT_GIVEN
    idempotency_key: str | None = None
    post_parser: PostParser | None = None
    # "raw" / "stream" when the call came through ``with_raw_response`` / ``with_streaming_response``
    response_mode: str | None = None
    security: Security | None = None  # None: the client's default requirement

    def __repr__(self) -> str:
        return f"FinalRequestOptions(method={self.method!r}, url={self.url!r})"


def make_request_options(
    *,
    query: Query | None = None,
    extra_headers: Headers | None = None,
    extra_query: Query | None = None,
    extra_body: Body | None = None,
    idempotency_key: str | None = None,
    timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
) -> RequestOptions:
    """The per-call ``options`` of a resource method."""
    options: RequestOptions = {}
    if extra_headers is not None:
        options["headers"] = extra_headers
    params: dict[str, object] = {}
    if query is not None:
        params.update(query)
    if extra_query is not None:
        params.update(extra_query)
    if params:
        options["params"] = params
    if extra_body is not None:
        if not isinstance(extra_body, Mapping):
            raise TypeError("extra_body must be a mapping")
        options["extra_json"] = cast(Mapping[str, object], extra_body)
    if not isinstance(timeout, NotGiven):
        options["timeout"] = timeout
    if idempotency_key is not None:
        options["idempotency_key"] = idempotency_key
    return options


def build_request_options(
    method: str,
    path: str,
    *,
    body: object = None,
    query: Mapping[str, object] | None = None,
    headers: Mapping[str, object] | None = None,
    cookies: Mapping[str, object] | None = None,
    content_type: str | None = None,
    files: Sequence[str] = (),
    param_styles: ParamStyles | None = None,
    part_styles: ParamStyles | None = None,
    part_types: Mapping[str, str] | None = None,
    options: RequestOptions | None = None,
    security: Security | None = None,
    body_required: bool = True,
) -> FinalRequestOptions:
    """Combine what a resource method passes with the caller's ``options``; extra_* entries win.

    The raw/stream marker header set by the response wrappers is taken out of the headers into ``response_mode``,
    and a non-GET call gets its idempotency key here, once, so that every attempt of the call sends the same one.
    """
    opts: RequestOptions = options or {}
    params: dict[str, object] = dict(query) if query else {}
    extra_params = opts.get("params")
    if extra_params:
        params.update(extra_params)
    mode: str | None = None
    merged_headers: dict[str, str | Omit] = {}
    if headers:
        for name, value in headers.items():
            if isinstance(value, (NotGiven, Omit)):
                continue
            merged_headers[name] = _header_value(value)
        if any(name.lower() == _MODE_HEADER for name in merged_headers):
            mode, merged_headers = _pop_mode(merged_headers, None)
    extra_headers = opts.get("headers")
    if extra_headers:
        for name, value in extra_headers.items():
            if name.lower() == _MODE_HEADER:
                mode, merged_headers = _pop_mode(merged_headers, value)
            else:
                merged_headers[name] = value
    if not body_required and isinstance(body, Mapping) and all(isinstance(v, (NotGiven, Omit)) for v in body.values()):
        body = NOT_GIVEN  # an optional body none of whose fields was given is not sent
    method = method.lower()
    key = opts.get("idempotency_key")
    if key is None and method != "get":
        key = _idempotency_key()
    return FinalRequestOptions(
        method=method,
        url=path,
        params=params,
        headers=merged_headers,
        cookies=dict(cookies) if cookies else {},
        body=body,
        extra_json=opts.get("extra_json"),
        content_type=content_type,
        files=tuple(files),
        param_styles=dict(param_styles) if param_styles else {},
        part_styles=dict(part_styles) if part_styles else {},
        part_types=dict(part_types) if part_types else {},
        timeout=opts.get("timeout", NOT_GIVEN),
        max_retries=opts.get("max_retries", NOT_GIVEN),
        idempotency_key=key,
        response_mode=mode,
        security=security,
    )


_MODE_HEADER = RAW_RESPONSE_HEADER.lower()
# the version and variant bits of a random (version 4) UUID
_UUID4_CLEAR = ~((0xC000 << 48) | (0xF000 << 64))
_UUID4_SET = (0x8000 << 48) | (0x4000 << 64)


def _idempotency_key() -> str:
    """``sdkforge-retry-`` and a random UUID, as ``str(uuid.uuid4())`` writes it, at half the cost."""
    text = f"{int.from_bytes(os.urandom(16), 'big') & _UUID4_CLEAR | _UUID4_SET:032x}"
    return f"sdkforge-retry-{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def _pop_mode(headers: dict[str, str | Omit], value: object) -> tuple[str | None, dict[str, str | Omit]]:
    """Drop every spelling of the marker header; the mode is ``value`` (or the dropped header's, when None)."""
    mode: str | None = value if isinstance(value, str) else None
    kept: dict[str, str | Omit] = {}
    for name, header in headers.items():
        if name.lower() == _MODE_HEADER:
            if value is None:
                mode = header if isinstance(header, str) else None
        else:
            kept[name] = header
    return mode, kept


def _header_value(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return ",".join(primitive_to_str(v) for v in value)
    return primitive_to_str(value)


def _encode_multipart(fields: list[FormField], files: list[tuple[str, Any]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    chunks: list[bytes] = []

    def disposition(name: str, filename: str | None = None) -> bytes:
        text = 'form-data; name="' + _quote_param(name) + '"'
        if filename is not None:
            text += '; filename="' + _quote_param(filename) + '"'
        return text.encode("utf-8")

    for name, value, part_type in fields:
        chunks.append(b"--" + boundary.encode() + b"\r\n")
        chunks.append(b"Content-Disposition: " + disposition(name) + b"\r\n")
        if part_type is not None:
            chunks.append(b"Content-Type: " + part_type.encode("latin-1") + b"\r\n")
        chunks.append(b"\r\n" + value.encode("utf-8") + b"\r\n")
    for name, (filename, content, mime) in files:
        if not isinstance(content, bytes):
            seek = getattr(content, "seek", None)
            if callable(seek):
                try:
                    seek(0)
                except (OSError, ValueError):
                    pass
            content = content.read()
        chunks.append(b"--" + boundary.encode() + b"\r\n")
        chunks.append(b"Content-Disposition: " + disposition(name, filename or name) + b"\r\n")
        chunks.append(b"Content-Type: " + (mime or "application/octet-stream").encode("latin-1") + b"\r\n\r\n")
        chunks.append(bytes(content) + b"\r\n")
    chunks.append(b"--" + boundary.encode() + b"--\r\n")
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"


def _quote_param(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")


_stream_types: dict[Any, bool] = {}


def _is_stream_type(cast_to: Any) -> bool:
    """Whether ``cast_to`` is ``Stream[...]`` / ``AsyncStream[...]`` (cached per type)."""
    try:
        return _stream_types[cast_to]
    except KeyError:
        pass
    except TypeError:  # unhashable type expression
        return _check_stream_type(cast_to)
    result = _stream_types[cast_to] = _check_stream_type(cast_to)
    return result


def _check_stream_type(cast_to: Any) -> bool:
    origin = get_origin(cast_to) or cast_to
    return inspect.isclass(origin) and issubclass(origin, (Stream, AsyncStream))


def _allows_none(cast_to: Any) -> bool:
    """Whether ``cast_to`` is ``Optional[...]`` (a union with None), possibly inside ``Annotated``."""
    origin = get_origin(cast_to)
    if origin is Annotated:
        return _allows_none(get_args(cast_to)[0])
    if origin is Union or type(cast_to).__name__ == "UnionType":  # Optional[X] or X | None
        return any(arg is NoneType or arg is None for arg in get_args(cast_to))
    return False


def _is_timeout(err: BaseException) -> bool:
    if isinstance(err, httpx.TimeoutException):
        return True
    return any("Timeout" in cls.__name__ for cls in type(err).__mro__)


def _timeout_arg(timeout: float | httpx.Timeout | None) -> Any:
    # a plain 4-tuple is understood by any httpx-compatible client, not only by this httpx's Timeout class
    if isinstance(timeout, httpx.Timeout):
        return (timeout.connect, timeout.read, timeout.write, timeout.pool)
    return timeout


def _merge_headers(merged: dict[str, tuple[str, str]], source: Mapping[str, Any]) -> None:
    """Lay ``source`` over ``merged`` (lowered name -> (name, value)); an ``Omit`` / ``NOT_GIVEN`` value removes."""
    for name, value in source.items():
        if isinstance(value, (Omit, NotGiven)):
            merged.pop(name.lower(), None)
        else:
            merged[name.lower()] = (name, value)


# the stock httpx clients, whose build_request only merges what _direct_request merges; anything else (a subclass,
# an httpx fork) is asked to build_request
_STOCK_CLIENTS: tuple[type[Any], ...] = (httpx.Client, httpx.AsyncClient)
_timeout_dicts: dict[Any, dict[str, float | None]] = {}
# parsed URLs by text: httpx.URL is immutable, and parsing one costs more than the rest of a request's building
_urls: dict[str, httpx.URL] = {}
_CACHED_URLS = 256


def _direct_request(
    client: httpx.Client | httpx.AsyncClient,
    method: str,
    url: str,
    params: list[tuple[str, str]],
    headers: Mapping[str, str],
    content: bytes | None,
    timeout: float | httpx.Timeout | None,
) -> httpx.Request:
    """The request ``client.build_request`` would build, for a stock client with no params or cookies of its own.

    The same headers in the same order (the client's, less those we set in any case, then ours) and the same timeout
    extension, without build_request's per-call merging of Headers objects (quadratic in the header count), and a
    URL called again (the same endpoint, a polled resource) is not parsed again.
    """
    parsed = _urls.get(url)
    if parsed is None:
        if len(_urls) >= _CACHED_URLS:
            _urls.clear()
        parsed = _urls[url] = httpx.URL(url)
    ours = {name.lower() for name in headers}
    merged: list[tuple[Any, Any]] = [
        (name, value) for name, value in client.headers.raw if name.decode("latin-1").lower() not in ours
    ]
    merged.extend(headers.items())
    key = _timeout_arg(timeout)
    timeouts = _timeout_dicts.get(key)
    if timeouts is None:
        if len(_timeout_dicts) >= 64:  # per-call timeouts may all differ: stay small
            _timeout_dicts.clear()
        timeouts = _timeout_dicts[key] = httpx.Timeout(key).as_dict()
    return httpx.Request(
        method,
        parsed,
        params=cast(Any, params) or None,
        headers=merged,
        content=content,
        extensions={"timeout": dict(timeouts)},
    )


class _BaseClient(Generic[_HttpClientT]):
    _client: _HttpClientT
    _owns_client: bool
    _stream_cls: type[Any] = Stream
    _binary_cls: type[Any] = BinaryAPIResponse
    # set by the generated client: its schemes, the default requirement, credential -> environment variable
    _security_schemes: ClassVar[Mapping[str, SecurityScheme]] = {}
    _default_security: ClassVar[Security] = ()
    _credential_env: ClassVar[Mapping[str, str]] = {}
    _check_at_init: ClassVar[bool] = False  # a missing credential fails at construction, not at the first call
    _auth_names: ClassVar[frozenset[str]] = frozenset()  # header / query / cookie names that carry credentials

    def __init__(
        self,
        *,
        base_url: str,
        credentials: Mapping[str, str | None] | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        custom_headers: Mapping[str, str | Omit] | None,
        custom_query: Mapping[str, object] | None,
        strict: bool,
        max_retry_after: float = DEFAULT_MAX_RETRY_AFTER,
    ) -> None:
        setup_logging()
        if max_retries < 0:
            raise TypeError("max_retries must be a non-negative integer")
        if not max_retry_after >= 0:
            raise TypeError("max_retry_after must be a non-negative number of seconds")
        self.max_retry_after = float(max_retry_after)
        self._credentials: dict[str, str | None] = dict(credentials or {})
        self.api_key = self._credentials.get("api_key")
        self._tokens: dict[str, tuple[str, float | None]] = {}  # fetched OAuth2 tokens and when to renew them
        self._auth_cache: dict[Security | None, _Auth] = {}
        if self._check_at_init:
            self._select_security(None, "")
        self._base_url = str(base_url).rstrip("/")
        self.timeout = timeout
        self.max_retries = max_retries
        self._custom_headers: dict[str, str | Omit] = dict(custom_headers or {})
        self._custom_query: dict[str, object] = dict(custom_query or {})
        self._strict = strict
        self._random: Callable[[], float] = random.random
        self._time: Callable[[], float] = time.time
        self._base_headers_cache: tuple[_Auth, dict[str, tuple[str, str]]] | None = None

    # --- configuration ---------------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return self._base_url

    @property
    def user_agent(self) -> str:
        return USER_AGENT

    def _auth_headers(self) -> dict[str, str]:
        return {}

    def _auth_query(self) -> dict[str, str]:
        return {}

    def _sensitive_names(self) -> frozenset[str]:
        return _SENSITIVE_HEADERS | self._auth_names

    @property
    def default_headers(self) -> dict[str, str | Omit]:
        return {
            "Accept": "application/json",
            "User-Agent": self.user_agent,
            **self._auth_headers(),
            **self._custom_headers,
        }

    @property
    def default_query(self) -> dict[str, object]:
        return {**self._custom_query, **self._auth_query()}

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__name__}(base_url={self._base_url!r},"
            f" max_retries={self.max_retries!r}, timeout={self.timeout!r})"
        )

    # --- redaction -------------------------------------------------------------------------------------------

    def _secrets(self) -> set[str]:
        """The credentials this client sends: the API key, the values of its sensitive default headers (and the
        token after a scheme such as ``Bearer``) and its auth query values; each also percent-encoded.
        """
        values: set[str] = set()
        sensitive = self._sensitive_names()
        for name, value in {**self._auth_headers(), **self._custom_headers}.items():
            if isinstance(value, str) and name.lower() in sensitive:
                values.add(value)
                values.add(value.partition(" ")[2])
        values.update(str(v) for v in self._auth_query().values())
        values.update(str(v) for k, v in self._custom_query.items() if k.lower() in sensitive)
        # the key always; other values unless tiny (never blank out short fragments of ordinary text: a username
        # "u" would turn "must" into "m<redacted>st")
        kept = [value for value in values if len(value) >= 4]
        if self.api_key:
            kept.append(self.api_key)
        kept.extend(value for value in self._auth_secrets() if len(value) >= 4)
        return {form for value in kept for form in (value, quote(value, safe=""), quote(value))}

    def _redact(self, text: str) -> str:
        for secret in sorted(self._secrets(), key=len, reverse=True):
            text = text.replace(secret, REDACTED)
        return text

    def _redact_headers(self, headers: Mapping[str, str]) -> dict[str, str]:
        sensitive = self._sensitive_names()
        return {name: REDACTED if name.lower() in sensitive else self._redact(value) for name, value in headers.items()}

    # --- credentials -----------------------------------------------------------------------------------------

    def _auth_secrets(self) -> list[str]:
        """Every credential value and fetched token (and the encoded basic credentials): never logged."""
        values = [v for v in self._credentials.values() if v]
        values += [token for token, _ in self._tokens.values()]
        for scheme in self._security_schemes.values():
            if scheme.kind == "basic" and self._has_credentials(scheme):
                values.append(self._basic(scheme))
        return values

    def _has_credentials(self, scheme: SecurityScheme) -> bool:
        credentials = self._credentials
        if scheme.kind == "basic":
            return bool(credentials.get(scheme.username)) and credentials.get(scheme.password) is not None
        if credentials.get(scheme.token):
            return True
        return bool(scheme.token_url and credentials.get(scheme.client_id) and credentials.get(scheme.client_secret))

    def _basic(self, scheme: SecurityScheme) -> str:
        pair = f"{self._credentials.get(scheme.username) or ''}:{self._credentials.get(scheme.password) or ''}"
        return base64.b64encode(pair.encode("utf-8")).decode("ascii")

    def _select_security(self, security: Security | None, call: str) -> tuple[SecurityScheme, ...]:
        """The schemes of the first alternative whose credentials are all set; none when credentials are optional.

        Raises the SDK's error naming every credential that would do when nothing is set for a required scheme.
        """
        alternatives = self._default_security if security is None else security
        optional = not alternatives
        for alternative in alternatives:
            if not alternative:
                optional = True
                continue
            schemes = tuple(self._security_schemes[name] for name in alternative)
            if all(self._has_credentials(scheme) for scheme in schemes):
                return schemes
        if optional:
            return ()
        raise ErrorBase(self._missing_credentials(alternatives, call))

    def _missing_credentials(self, alternatives: Security, call: str) -> str:
        env = self._credential_env

        def options(scheme: SecurityScheme) -> list[tuple[str, ...]]:
            """The sets of credentials that would each do for ``scheme``."""
            if scheme.kind == "basic":
                return [(scheme.username, scheme.password)]
            found: list[tuple[str, ...]] = [(scheme.token,)]
            if scheme.token_url:
                found.append((scheme.client_id, scheme.client_secret))
            return found

        schemes = self._security_schemes
        needed = [
            [options(schemes[name]) for name in alternative if not self._has_credentials(schemes[name])]
            for alternative in alternatives
        ]
        if len(needed) == 1 and len(needed[0]) == 1 and len(needed[0][0]) == 1 and len(needed[0][0][0]) == 1:
            param = needed[0][0][0][0]
            message = (
                f"The {param} client option must be set either by passing {param} to the client"
                f" or by setting the {env.get(param, '')} environment variable"
            )
            return f"{call} needs credentials: {message}" if call else message

        def text(params: tuple[str, ...]) -> str:
            return " and ".join(params) + " (environment: " + ", ".join(env.get(p, "") for p in params) + ")"

        wanted = " or ".join(
            "[" + " plus ".join(" or ".join(text(params) for params in scheme) for scheme in alternative) + "]"
            for alternative in needed
        )
        return f"{call or 'This client'} needs credentials: pass (or set the environment variables of) {wanted}"

    def _auth(self, schemes: tuple[SecurityScheme, ...], tokens: Mapping[str, str]) -> _Auth:
        headers: dict[str, str] = {}
        query: dict[str, str] = {}
        cookies: dict[str, str] = {}
        fetched: list[SecurityScheme] = []
        for scheme in schemes:
            if scheme.kind == "basic":
                headers[scheme.wire_name] = "Basic " + self._basic(scheme)
            elif scheme.kind == "api_key":
                where = headers if scheme.location == "header" else query if scheme.location == "query" else cookies
                where[scheme.wire_name] = self._credentials.get(scheme.token) or ""
            else:
                token = self._credentials.get(scheme.token)
                if not token:
                    token = tokens[scheme.name]
                    fetched.append(scheme)
                headers[scheme.wire_name] = "Bearer " + token
        return _Auth(headers, query, cookies, tuple(fetched))

    def _to_fetch(self, schemes: tuple[SecurityScheme, ...]) -> list[SecurityScheme]:
        """The OAuth2 schemes whose token the client gets from the token endpoint (no token was given)."""
        return [s for s in schemes if s.kind == "oauth2" and not self._credentials.get(s.token)]

    def _cached_token(self, scheme: SecurityScheme) -> str | None:
        cached = self._tokens.get(scheme.name)
        if cached is None or (cached[1] is not None and self._time() >= cached[1]):
            return None
        return cached[0]

    def _token_request(self, scheme: SecurityScheme) -> httpx.Request:
        """The clientCredentials grant: a form POST to the scheme's token URL."""
        form = {
            "grant_type": "client_credentials",
            "client_id": self._credentials.get(scheme.client_id) or "",
            "client_secret": self._credentials.get(scheme.client_secret) or "",
        }
        if scheme.scopes:
            form["scope"] = " ".join(scheme.scopes)
        timeout = self.timeout
        return self._client.build_request(
            "POST",
            self._prepare_url(scheme.token_url),
            content=urlencode(form).encode("ascii"),
            headers={
                "Accept": "application/json",
                "Content-Type": "application/x-www-form-urlencoded",
                "User-Agent": self.user_agent,
            },
            timeout=_timeout_arg(timeout),
        )

    def _store_token(self, scheme: SecurityScheme, response: httpx.Response) -> str:
        if not 200 <= response.status_code < 300:
            raise self._make_status_error(response)
        try:
            data = json.loads(response.content)
        except ValueError:
            data = None
        token = data.get("access_token") if isinstance(data, dict) else None
        if not isinstance(token, str) or not token:
            raise APIResponseValidationError(
                response,
                None,
                message=f"The OAuth2 token response of {scheme.name} has no access_token",
            )
        expires_at: float | None = None
        expires_in = data.get("expires_in") if isinstance(data, dict) else None
        try:
            lifetime = float(expires_in) if expires_in is not None and not isinstance(expires_in, bool) else None
        except (TypeError, ValueError):
            lifetime = None
        if lifetime is not None:
            expires_at = self._time() + lifetime - min(TOKEN_EXPIRY_MARGIN, lifetime / 10)
        self._tokens[scheme.name] = (token, expires_at)
        return token

    def _share_tokens(self, other: _BaseClient[Any]) -> None:
        """A copy with the same credentials reuses the fetched tokens."""
        if self._credentials == other._credentials:
            self._tokens = other._tokens

    # --- request building ------------------------------------------------------------------------------------

    def _base_headers(self, auth: _Auth) -> dict[str, tuple[str, str]]:
        """The auth and default headers by lowered name: the same for every call with these credentials, so kept."""
        cached = self._base_headers_cache
        if cached is not None and cached[0] is auth:
            return cached[1]
        merged: dict[str, tuple[str, str]] = {}
        _merge_headers(merged, auth.headers)
        _merge_headers(merged, self.default_headers)
        self._base_headers_cache = (
            auth,
            merged,
        )  # one assignment: a racing thread sees a whole pair
        return merged

    def _build_headers(self, options: FinalRequestOptions, auth: _Auth = _NO_AUTH) -> dict[str, str]:
        merged = dict(self._base_headers(auth))
        if options.headers:
            _merge_headers(merged, options.headers)
        if options.idempotency_key is not None and "idempotency-key" not in merged:
            merged["idempotency-key"] = ("Idempotency-Key", options.idempotency_key)
        if auth.cookies or options.cookies:
            self._add_cookies(merged, {**auth.cookies, **options.cookies})
        return dict(merged.values())

    @staticmethod
    def _add_cookies(merged: dict[str, tuple[str, str]], values: Mapping[str, object]) -> None:
        cookies = [
            f"{name}={primitive_to_str(value)}"
            for name, value in values.items()
            if value is not None and is_given(value)
        ]
        if cookies:
            existing = merged.get("cookie")
            joined = "; ".join(cookies)
            merged["cookie"] = (
                "Cookie",
                f"{existing[1]}; {joined}" if existing else joined,
            )

    def _prepare_url(self, path: str) -> str:
        if path.startswith(("http://", "https://")):
            return path
        return self._base_url + "/" + path.lstrip("/")

    def _encode_body(self, options: FinalRequestOptions, headers: dict[str, str]) -> bytes | None:
        body = options.body
        extra = options.extra_json
        if isinstance(body, (NotGiven, Omit)):
            # an omitted (optional) body is not sent at all: no content, no Content-Type; extra_body alone is JSON
            if not extra:
                return None
            body = None
        if extra:
            if body is None:
                body = dict(extra)
            elif isinstance(body, Mapping):
                body = {**body, **extra}
        content_type = options.content_type
        if content_type is None and body is None:
            return None
        lowered = {name.lower(): name for name in headers}
        if content_type is not None and content_type.startswith("multipart/"):
            if not isinstance(body, Mapping):
                raise TypeError("A multipart body must be a mapping of field names to values")
            fields, parts = build_multipart(body, options.files, options.part_styles, options.part_types)
            content, header = _encode_multipart(fields, list(parts))
            headers.pop(lowered.get("content-type", "content-type"), None)
            headers["Content-Type"] = header
            return content
        if content_type == "application/x-www-form-urlencoded":
            pairs: list[tuple[str, str]] = []
            if isinstance(body, Mapping):
                pairs = encode_query(body, options.param_styles)
            content = urlencode(pairs).encode("ascii")
        elif content_type is None or "json" in content_type:
            content = to_json_bytes(body)
            content_type = content_type or "application/json"
        elif isinstance(body, (bytes, bytearray)):
            content = bytes(body)
        elif isinstance(body, str):
            content = body.encode("utf-8")
        elif body is None:
            content = b""
        elif callable(getattr(body, "read", None)):
            data = cast(Any, body).read()
            content = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        else:
            content = to_json_bytes(body)
        if "content-type" not in lowered:
            headers["Content-Type"] = content_type
        return content

    def _build_request(self, options: FinalRequestOptions, auth: _Auth = _NO_AUTH) -> httpx.Request:
        headers = self._build_headers(options, auth)
        content = self._encode_body(options, headers)
        params: list[tuple[str, str]] = []
        if self._custom_query or auth.query or options.params:
            params = encode_query(
                {**self.default_query, **auth.query, **options.params},
                options.param_styles,
            )
        timeout = options.timeout if not isinstance(options.timeout, NotGiven) else self.timeout
        client = self._client
        if type(client) in _STOCK_CLIENTS and not client.params and not client.cookies:
            return _direct_request(
                client,
                options.method.upper(),
                self._prepare_url(options.url),
                params,
                headers,
                content,
                timeout,
            )
        request: httpx.Request = client.build_request(
            options.method.upper(),
            self._prepare_url(options.url),
            params=cast(Any, params) or None,
            headers=headers,
            content=content,
            timeout=_timeout_arg(timeout),
        )
        return request

    # --- retries ---------------------------------------------------------------------------------------------

    def _max_retries(self, options: FinalRequestOptions) -> int:
        if isinstance(options.max_retries, NotGiven):
            return self.max_retries
        return options.max_retries

    def _should_retry(self, response: httpx.Response) -> bool:
        should = response.headers.get("x-should-retry", "").strip().lower()
        if should == "true":
            return True
        if should == "false":
            return False
        status = response.status_code
        return status in _RETRY_STATUSES or status >= 500

    def _parse_retry_after(self, headers: httpx.Headers | None) -> float | None:
        if headers is None:
            return None
        for name, divisor in (("retry-after-ms", 1000.0), ("retry-after", 1.0)):
            value = headers.get(name)
            if value is None:
                continue
            try:
                delay = float(value)
            except ValueError:
                continue
            if math.isnan(delay) or value.strip().lower() in _INFINITY_LITERALS:
                return None  # `nan` / `inf` name no wait: backoff, as without the header
            return delay / divisor  # an overflowing number (1e999) stays inf: longer than any cap, no retry
        value = headers.get("retry-after")
        try:
            parsed = email.utils.parsedate_tz(value) if value is not None else None
            return None if parsed is None else float(email.utils.mktime_tz(parsed)) - self._time()
        except (TypeError, ValueError, OverflowError):
            return None

    def _backoff(self, retries_taken: int) -> float:
        delay = self._calculate_retry_timeout(retries_taken)
        return delay if delay is not None else MAX_RETRY_DELAY

    def _calculate_retry_timeout(self, retries_taken: int, headers: httpx.Headers | None = None) -> float | None:
        """Seconds to wait before retry number ``retries_taken + 1``, or None: do not retry.

        A server ``retry-after-ms`` / ``retry-after`` (seconds or HTTP date) above 0 is honoured up to the
        client's ``max_retry_after`` (default 120 s); above it the call is not retried (None). Otherwise (no
        header, unparsable, ``inf`` / ``nan``, zero or negative) ``0.5 * 2**retries_taken`` capped at 8, less up
        to 25 % of jitter.
        """
        retry_after = self._parse_retry_after(headers)
        if retry_after is not None and retry_after > 0:
            return retry_after if retry_after <= self.max_retry_after else None
        delay = min(INITIAL_RETRY_DELAY * (2.0**retries_taken), MAX_RETRY_DELAY)
        jitter = 1.0 - JITTER_FACTOR * self._random()
        return delay * jitter

    # --- responses -------------------------------------------------------------------------------------------

    def _is_lazy_type(self, cast_to: Any) -> bool:
        """Types whose body is not read before parsing (streams and binary downloads)."""
        return _is_stream_type(cast_to) or cast_to in (
            BinaryAPIResponse,
            AsyncBinaryAPIResponse,
        )

    def _make_status_error(self, response: httpx.Response) -> APIStatusError:
        try:
            text = response.text
        except RuntimeError:  # httpx.ResponseNotRead: the body could not be read
            text = ""
        body: object
        try:
            body = json.loads(text) if text else None
        except ValueError:
            body = text
        detail = error_message_from_body(body)
        message = f"Error code: {response.status_code}"
        if detail:
            message += f" - {detail}"
        return make_status_error(self._redact(message), response=response, body=body, redact=self._redact)

    def _parse_json(self, cast_to: Any, response: httpx.Response) -> Any:
        """Parse and validate the (read) JSON body in one go; anything unusual takes the ``_parse_data`` path."""
        content = response.content
        if not content or content.isspace():
            return self._empty_body(cast_to, response)
        if cast_to is not object and cast_to is not Any:
            try:
                return validate_json_type(cast_to, response.content)
            except (pydantic.ValidationError, TypeError, ValueError):
                pass
        return self._parse_data(cast_to, self._decode_json(response), response)

    def _parse_data(self, cast_to: Any, data: object, response: httpx.Response) -> Any:
        """Validate ``data`` as ``cast_to``; on failure build it leniently, or raise when strict."""
        if cast_to is object or cast_to is Any:
            return data
        try:
            return validate_type(cast_to, data)
        except pydantic.ValidationError as err:
            if self._strict:
                raise APIResponseValidationError(response, data, message=self._redact(str(err))) from err
            logger.debug("Response did not validate as %s; building it leniently", cast_to)
            result = construct_type(cast_to, data)
            if inspect.isclass(cast_to) and issubclass(cast_to, pydantic.BaseModel) and not isinstance(result, cast_to):
                # lenient only about fields: a body that is not an object cannot stand in for a model
                raise APIResponseValidationError(response, data, message=self._redact(str(err))) from err
            return result

    def _empty_body(self, cast_to: Any, response: httpx.Response) -> object:
        """An empty success body (a 204, or an empty 200) where JSON was declared: None, as openai-python returns
        without a value; a strict client raises ``APIResponseValidationError`` unless the method's type allows None
        (``Optional[...]``, ``object``).
        """
        if not self._strict or cast_to is object or cast_to is Any or _allows_none(cast_to):
            return None
        name = getattr(cast_to, "__name__", None) or repr(cast_to)
        raise APIResponseValidationError(
            response,
            None,
            message=f"The API returned an empty body (HTTP {response.status_code}) where {name} was expected.",
        )

    def _decode_json(self, response: httpx.Response) -> object:
        content = response.content
        if not content.strip():
            return None
        try:
            return json.loads(content)
        except ValueError as err:
            content_type = response.headers.get("content-type", "")
            if self._strict and "json" in content_type:
                raise APIResponseValidationError(
                    response,
                    response.text,
                    message="The response body is not valid JSON.",
                ) from err
            return response.text

    def _parse_response(self, cast_to: Any, response: httpx.Response, options: FinalRequestOptions) -> Any:
        """Turn a response (already read unless ``cast_to`` is lazy) into a value of ``cast_to``."""
        result: Any
        if _is_stream_type(cast_to):
            args = get_args(cast_to)
            return self._stream_cls(cast_to=args[0] if args else object, response=response, client=self)
        if cast_to in (BinaryAPIResponse, AsyncBinaryAPIResponse):
            return self._binary_cls(raw=response, cast_to=bytes, client=self, options=options, stream=True)
        if cast_to is httpx.Response:
            return response
        if cast_to is NoneType or cast_to is None:
            result = None
        elif cast_to is bytes:
            result = response.content
        elif cast_to is str:
            result = response.text
        else:
            result = self._parse_json(cast_to, response)
        if options.post_parser is not None:
            result = options.post_parser(result, response)
        return result

    # --- logs ------------------------------------------------------------------------------------------------

    def _log_request(self, request: httpx.Request, retries_taken: int) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "Request: %s %s headers=%s retries_taken=%d",
                request.method,
                self._redact(str(request.url)),
                self._redact_headers(dict(request.headers)),
                retries_taken,
            )

    def _log_response(self, request: httpx.Request, response: httpx.Response) -> None:
        if not logger.isEnabledFor(logging.INFO):
            return
        logger.info(
            'HTTP Request: %s %s "%d %s"',
            request.method,
            self._redact(str(request.url)),
            response.status_code,
            response.reason_phrase,
        )
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "Response headers: %s request_id=%s",
                self._redact_headers(dict(response.headers)),
                response.headers.get("x-request-id"),
            )

    def _log_retry(self, request: httpx.Request, delay: float, reason: str) -> None:
        logger.info(
            "Retrying request to %s in %f seconds (%s)",
            self._redact(str(request.url)),
            delay,
            reason,
        )


class SyncAPIClient(_BaseClient[httpx.Client]):
    """The synchronous HTTP client behind every sync resource."""

    _stream_cls = Stream
    _binary_cls = BinaryAPIResponse

    def __init__(
        self,
        *,
        base_url: str,
        credentials: Mapping[str, str | None] | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        custom_headers: Mapping[str, str | Omit] | None = None,
        custom_query: Mapping[str, object] | None = None,
        strict: bool = False,
        http_client: httpx.Client | None = None,
        _owns_client: bool = True,
        max_retry_after: float = DEFAULT_MAX_RETRY_AFTER,
    ) -> None:
        super().__init__(
            base_url=base_url,
            credentials=credentials,
            timeout=timeout,
            max_retries=max_retries,
            custom_headers=custom_headers,
            custom_query=custom_query,
            strict=strict,
            max_retry_after=max_retry_after,
        )
        if http_client is None:
            http_client = httpx.Client(timeout=timeout, follow_redirects=True)
        self._client = http_client
        self._owns_client = _owns_client
        self._sleep: Callable[[float], None] = time.sleep
        self._token_lock = threading.Lock()

    def is_closed(self) -> bool:
        return bool(self._client.is_closed)

    def close(self) -> None:
        """Close the underlying HTTP client (copies made by ``with_options`` leave it open)."""
        if self._owns_client:
            self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *args: object) -> None:
        self.close()

    def _prepare_auth(self, options: FinalRequestOptions, refresh: tuple[SecurityScheme, ...] = ()) -> _Auth:
        schemes = self._select_security(options.security, f"{options.method.upper()} {options.url}")
        fetch = self._to_fetch(schemes)
        if not fetch:
            auth = self._auth_cache[options.security] = self._auth(schemes, {})
            return auth
        return self._auth(
            schemes,
            {scheme.name: self._fetch_token(scheme, scheme in refresh) for scheme in fetch},
        )

    def _fetch_token(self, scheme: SecurityScheme, refresh: bool) -> str:
        with self._token_lock:
            token = None if refresh else self._cached_token(scheme)
            if token is not None:
                return token
            request = self._token_request(scheme)
            self._log_request(request, 0)
            try:
                response = self._client.send(request)
            except Exception as err:
                if _is_timeout(err):
                    raise APITimeoutError(request=request) from err
                raise APIConnectionError(request=request) from err
            self._log_response(request, response)
            return self._store_token(scheme, response)

    def request(self, cast_to: Any, options: FinalRequestOptions) -> Any:
        mode = options.response_mode
        stream = mode == "stream" or _is_stream_type(cast_to)
        max_retries = self._max_retries(options)
        retries_taken = 0
        auth = self._auth_cache.get(options.security) or self._prepare_auth(options)
        refreshed = False
        while True:
            request = self._build_request(options, auth)
            self._log_request(request, retries_taken)
            try:
                response = self._client.send(request, stream=stream)
            except Exception as err:
                if retries_taken < max_retries:
                    delay = self._backoff(retries_taken)
                    self._log_retry(request, delay, type(err).__name__)
                    self._sleep(delay)
                    retries_taken += 1
                    continue
                logger.debug("Request failed: %s", type(err).__name__)
                if _is_timeout(err):
                    raise APITimeoutError(request=request) from err
                raise APIConnectionError(request=request) from err
            self._log_response(request, response)
            if not 200 <= response.status_code < 300:
                if response.status_code == 401 and auth.fetched and not refreshed:
                    # the fetched OAuth2 token was refused (revoked, or expired early): fetch a new one, once
                    response.close()
                    auth = self._prepare_auth(options, refresh=auth.fetched)
                    refreshed = True
                    continue
                delay_or_none = (
                    self._calculate_retry_timeout(retries_taken, response.headers)
                    if retries_taken < max_retries and self._should_retry(response)
                    else None
                )
                if delay_or_none is not None:
                    response.close()
                    self._log_retry(request, delay_or_none, str(response.status_code))
                    self._sleep(delay_or_none)
                    retries_taken += 1
                    continue
                try:
                    response.read()
                except Exception as err:  # a body cut short: the status error still stands, without the body
                    if not is_transport_error(err):
                        raise
                finally:
                    response.close()
                raise self._make_status_error(response)
            if mode not in ("raw", "stream"):
                # what ``APIResponse.parse`` does, without the wrapper: the body is read unless ``stream``,
                # and ``stream`` is only set here for stream types, which are parsed unread
                return self._parse_response(cast_to, response, options)
            return APIResponse(
                raw=response,
                cast_to=cast_to,
                client=self,
                options=options,
                stream=stream,
                retries_taken=retries_taken,
            )

    def _request_page(
        self,
        page: Any,
        item: Any,
        paging: PagingSpec,
        options: FinalRequestOptions,
    ) -> Any:
        page_cls = get_origin(page) or page
        # later pages are plain requests, whatever the mode of this first one
        next_options = replace(options, response_mode=None) if options.response_mode is not None else options

        def build(data: Any, response: httpx.Response) -> Any:
            return page_cls._build(
                data=data,
                response=response,
                client=self,
                options=next_options,
                page=page,
                item=item,
                paging=paging,
            )

        return self.request(object, replace(options, post_parser=build))

    def get_api_list(
        self,
        path: str,
        *,
        page: type[_SyncPageT],
        item: Any,
        paging: PagingSpec,
        query: Mapping[str, object] | None = None,
        param_styles: ParamStyles | None = None,
        options: RequestOptions | None = None,
        security: Security | None = None,
    ) -> _SyncPageT:
        final = build_request_options(
            "get",
            path,
            query=query,
            param_styles=param_styles,
            options=options,
            security=security,
        )
        return cast(_SyncPageT, self._request_page(page, item, paging, final))


class AsyncAPIClient(_BaseClient[httpx.AsyncClient]):
    """The asynchronous HTTP client behind every async resource."""

    _stream_cls = AsyncStream
    _binary_cls = AsyncBinaryAPIResponse

    def __init__(
        self,
        *,
        base_url: str,
        credentials: Mapping[str, str | None] | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        custom_headers: Mapping[str, str | Omit] | None = None,
        custom_query: Mapping[str, object] | None = None,
        strict: bool = False,
        http_client: httpx.AsyncClient | None = None,
        _owns_client: bool = True,
        max_retry_after: float = DEFAULT_MAX_RETRY_AFTER,
    ) -> None:
        super().__init__(
            base_url=base_url,
            credentials=credentials,
            timeout=timeout,
            max_retries=max_retries,
            custom_headers=custom_headers,
            custom_query=custom_query,
            strict=strict,
            max_retry_after=max_retry_after,
        )
        if http_client is None:
            http_client = httpx.AsyncClient(timeout=timeout, follow_redirects=True)
        self._client = http_client
        self._owns_client = _owns_client
        self._sleep: Callable[[float], Awaitable[None]] = anyio.sleep
        self._token_lock: anyio.Lock | None = None

    def is_closed(self) -> bool:
        return bool(self._client.is_closed)

    async def close(self) -> None:
        """Close the underlying HTTP client (copies made by ``with_options`` leave it open)."""
        if self._owns_client:
            await self._client.aclose()

    async def aclose(self) -> None:
        await self.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *args: object) -> None:
        await self.close()

    async def _prepare_auth(self, options: FinalRequestOptions, refresh: tuple[SecurityScheme, ...] = ()) -> _Auth:
        schemes = self._select_security(options.security, f"{options.method.upper()} {options.url}")
        fetch = self._to_fetch(schemes)
        if not fetch:
            auth = self._auth_cache[options.security] = self._auth(schemes, {})
            return auth
        tokens = {scheme.name: await self._fetch_token(scheme, scheme in refresh) for scheme in fetch}
        return self._auth(schemes, tokens)

    async def _fetch_token(self, scheme: SecurityScheme, refresh: bool) -> str:
        if self._token_lock is None:
            self._token_lock = anyio.Lock()
        async with self._token_lock:
            token = None if refresh else self._cached_token(scheme)
            if token is not None:
                return token
            request = self._token_request(scheme)
            self._log_request(request, 0)
            try:
                response = await self._client.send(request)
            except Exception as err:
                if _is_timeout(err):
                    raise APITimeoutError(request=request) from err
                raise APIConnectionError(request=request) from err
            self._log_response(request, response)
            return self._store_token(scheme, response)

    async def request(self, cast_to: Any, options: FinalRequestOptions) -> Any:
        mode = options.response_mode
        stream = mode == "stream" or _is_stream_type(cast_to)
        max_retries = self._max_retries(options)
        retries_taken = 0
        auth = self._auth_cache.get(options.security) or await self._prepare_auth(options)
        refreshed = False
        while True:
            request = self._build_request(options, auth)
            self._log_request(request, retries_taken)
            try:
                response = await self._client.send(request, stream=stream)
            except Exception as err:
                if retries_taken < max_retries:
                    delay = self._backoff(retries_taken)
                    self._log_retry(request, delay, type(err).__name__)
                    await self._sleep(delay)
                    retries_taken += 1
                    continue
                logger.debug("Request failed: %s", type(err).__name__)
                if _is_timeout(err):
                    raise APITimeoutError(request=request) from err
                raise APIConnectionError(request=request) from err
            self._log_response(request, response)
            if not 200 <= response.status_code < 300:
                if response.status_code == 401 and auth.fetched and not refreshed:
                    # the fetched OAuth2 token was refused (revoked, or expired early): fetch a new one, once
                    await response.aclose()
                    auth = await self._prepare_auth(options, refresh=auth.fetched)
                    refreshed = True
                    continue
                delay_or_none = (
                    self._calculate_retry_timeout(retries_taken, response.headers)
                    if retries_taken < max_retries and self._should_retry(response)
                    else None
                )
                if delay_or_none is not None:
                    await response.aclose()
                    self._log_retry(request, delay_or_none, str(response.status_code))
                    await self._sleep(delay_or_none)
                    retries_taken += 1
                    continue
                try:
                    await response.aread()
                except Exception as err:  # a body cut short: the status error still stands, without the body
                    if not is_transport_error(err):
                        raise
                finally:
                    await response.aclose()
                raise self._make_status_error(response)
            if mode not in ("raw", "stream"):
                # what ``AsyncAPIResponse.parse`` does, without the wrapper: the body is read unless ``stream``,
                # and ``stream`` is only set here for stream types, which are parsed unread
                return self._parse_response(cast_to, response, options)
            return AsyncAPIResponse(
                raw=response,
                cast_to=cast_to,
                client=self,
                options=options,
                stream=stream,
                retries_taken=retries_taken,
            )

    async def _request_page(
        self,
        page: Any,
        item: Any,
        paging: PagingSpec,
        options: FinalRequestOptions,
    ) -> Any:
        page_cls = get_origin(page) or page
        # later pages are plain requests, whatever the mode of this first one
        next_options = replace(options, response_mode=None) if options.response_mode is not None else options

        def build(data: Any, response: httpx.Response) -> Any:
            return page_cls._build(
                data=data,
                response=response,
                client=self,
                options=next_options,
                page=page,
                item=item,
                paging=paging,
            )

        return await self.request(object, replace(options, post_parser=build))

    def get_api_list(
        self,
        path: str,
        *,
        page: type[_AsyncPageT],
        item: type[_ItemT],
        paging: PagingSpec,
        query: Mapping[str, object] | None = None,
        param_styles: ParamStyles | None = None,
        options: RequestOptions | None = None,
        security: Security | None = None,
    ) -> AsyncPaginator[_ItemT, _AsyncPageT]:
        from ._pagination import AsyncPaginator

        final = build_request_options(
            "get",
            path,
            query=query,
            param_styles=param_styles,
            options=options,
            security=security,
        )
        return AsyncPaginator(client=self, options=final, page=page, item=item, paging=paging)
