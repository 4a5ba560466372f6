"""The OpenAIVideos client and its async twin."""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING

import httpx
from typing_extensions import Self

from ._base_client import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_MAX_RETRY_AFTER,
    DEFAULT_TIMEOUT,
    AsyncAPIClient,
    Security,
    SecurityScheme,
    SyncAPIClient,
)
from ._types import NOT_GIVEN, NotGiven, Omit

if TYPE_CHECKING:
    from .resources.videos import AsyncVideos, Videos

BASE_URL_ENV = "OPENAI_BASE_URL"
DEFAULT_BASE_URL = "https://api.openai.com/v1"
# each credential argument of the client -> the environment variable read when it is not passed
CREDENTIAL_ENV: dict[str, str] = {
    "api_key": "OPENAI_API_KEY",
}
SECURITY_SCHEMES: dict[str, SecurityScheme] = {
    "ApiKeyAuth": SecurityScheme(
        name="ApiKeyAuth",
        kind="bearer",
        token="api_key",
    ),
}
# the requirement of every operation that declares none: alternatives of schemes sent together
DEFAULT_SECURITY: Security = (("ApiKeyAuth",),)
AUTH_NAMES: frozenset[str] = frozenset(("authorization",))


def _credential(value: str | None, param: str) -> str | None:
    if value is None:
        value = os.environ.get(CREDENTIAL_ENV[param]) or None
    return value


def _resolve_base_url(base_url: str | httpx.URL | None) -> str:
    if base_url is None and BASE_URL_ENV:
        base_url = os.environ.get(BASE_URL_ENV) or None
    if base_url is None:
        base_url = DEFAULT_BASE_URL
    return str(base_url)


class OpenAIVideos(SyncAPIClient):
    """Synchronous client. Each credential comes from its argument or its environment variable (CREDENTIAL_ENV)."""

    _security_schemes = SECURITY_SCHEMES
    _default_security = DEFAULT_SECURITY
    _credential_env = CREDENTIAL_ENV
    _check_at_init = True
    _auth_names = AUTH_NAMES

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str | Omit] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.Client | None = None,
        strict: bool = False,
        max_retry_after: float = DEFAULT_MAX_RETRY_AFTER,
    ) -> None:
        super().__init__(
            base_url=_resolve_base_url(base_url),
            credentials={
                "api_key": _credential(api_key, "api_key"),
            },
            timeout=DEFAULT_TIMEOUT if isinstance(timeout, NotGiven) else timeout,
            max_retries=max_retries,
            custom_headers=default_headers,
            custom_query=default_query,
            strict=strict,
            http_client=http_client,
            max_retry_after=max_retry_after,
        )

    def copy(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str | Omit] | None = None,
        set_default_headers: Mapping[str, str | Omit] | None = None,
        default_query: Mapping[str, object] | None = None,
        set_default_query: Mapping[str, object] | None = None,
        http_client: httpx.Client | None = None,
        strict: bool | None = None,
        max_retry_after: float | NotGiven = NOT_GIVEN,
    ) -> Self:
        """A new client with some options changed, sharing this client's HTTP connection pool.

        ``default_headers`` / ``default_query`` are merged into the current ones; ``set_default_*`` replace them.
        """
        headers = dict(self._custom_headers)
        if set_default_headers is not None:
            headers = dict(set_default_headers)
        elif default_headers is not None:
            headers.update(default_headers)
        query = dict(self._custom_query)
        if set_default_query is not None:
            query = dict(set_default_query)
        elif default_query is not None:
            query.update(default_query)
        new = self.__class__(
            api_key=api_key if api_key is not None else self._credentials.get("api_key"),
            base_url=base_url if base_url is not None else self.base_url,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            max_retries=(self.max_retries if isinstance(max_retries, NotGiven) else max_retries),
            default_headers=headers,
            default_query=query,
            http_client=http_client if http_client is not None else self._client,
            strict=self._strict if strict is None else strict,
            max_retry_after=self.max_retry_after if isinstance(max_retry_after, NotGiven) else max_retry_after,
        )
        new._owns_client = http_client is not None and http_client is not self._client
        new._sleep = self._sleep
        new._random = self._random
        new._time = self._time
        new._share_tokens(self)
        return new

    with_options = copy

    @cached_property
    def videos(self) -> Videos:
        from .resources.videos import Videos

        return Videos(self)


class AsyncOpenAIVideos(AsyncAPIClient):
    """Asynchronous client. Each credential comes from its argument or its environment variable (CREDENTIAL_ENV)."""

    _security_schemes = SECURITY_SCHEMES
    _default_security = DEFAULT_SECURITY
    _credential_env = CREDENTIAL_ENV
    _check_at_init = True
    _auth_names = AUTH_NAMES

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str | Omit] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.AsyncClient | None = None,
        strict: bool = False,
        max_retry_after: float = DEFAULT_MAX_RETRY_AFTER,
    ) -> None:
        super().__init__(
            base_url=_resolve_base_url(base_url),
            credentials={
                "api_key": _credential(api_key, "api_key"),
            },
            timeout=DEFAULT_TIMEOUT if isinstance(timeout, NotGiven) else timeout,
            max_retries=max_retries,
            custom_headers=default_headers,
            custom_query=default_query,
            strict=strict,
            http_client=http_client,
            max_retry_after=max_retry_after,
        )

    def copy(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str | Omit] | None = None,
        set_default_headers: Mapping[str, str | Omit] | None = None,
        default_query: Mapping[str, object] | None = None,
        set_default_query: Mapping[str, object] | None = None,
        http_client: httpx.AsyncClient | None = None,
        strict: bool | None = None,
        max_retry_after: float | NotGiven = NOT_GIVEN,
    ) -> Self:
        """A new client with some options changed, sharing this client's HTTP connection pool."""
        headers = dict(self._custom_headers)
        if set_default_headers is not None:
            headers = dict(set_default_headers)
        elif default_headers is not None:
            headers.update(default_headers)
        query = dict(self._custom_query)
        if set_default_query is not None:
            query = dict(set_default_query)
        elif default_query is not None:
            query.update(default_query)
        new = self.__class__(
            api_key=api_key if api_key is not None else self._credentials.get("api_key"),
            base_url=base_url if base_url is not None else self.base_url,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            max_retries=(self.max_retries if isinstance(max_retries, NotGiven) else max_retries),
            default_headers=headers,
            default_query=query,
            http_client=http_client if http_client is not None else self._client,
            strict=self._strict if strict is None else strict,
            max_retry_after=self.max_retry_after if isinstance(max_retry_after, NotGiven) else max_retry_after,
        )
        new._owns_client = http_client is not None and http_client is not self._client
        new._sleep = self._sleep
        new._random = self._random
        new._time = self._time
        new._share_tokens(self)
        return new

    with_options = copy

    @cached_property
    def videos(self) -> AsyncVideos:
        from .resources.videos import AsyncVideos

        return AsyncVideos(self)
