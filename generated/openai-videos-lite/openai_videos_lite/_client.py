"""The OpenAIVideosLite client."""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING

import httpx
from typing_extensions import Self

from ._base_client import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    SyncAPIClient,
)
from ._exceptions import OpenAIVideosLiteError
from ._types import NOT_GIVEN, NotGiven, Omit

if TYPE_CHECKING:
    from .resources.videos import Videos

API_KEY_ENV = "OPENAI_API_KEY"
BASE_URL_ENV = "OPENAI_BASE_URL"
DEFAULT_BASE_URL = "https://api.openai.com/v1"
AUTH_KIND = "bearer"
AUTH_NAME = ""


def _resolve_api_key(api_key: str | None) -> str | None:
    if api_key is None and API_KEY_ENV:
        api_key = os.environ.get(API_KEY_ENV) or None
    if api_key is None:
        raise OpenAIVideosLiteError(
            "The api_key client option must be set either by passing api_key to the client"
            " or by setting the " + API_KEY_ENV + " environment variable"
        )
    return api_key


def _resolve_base_url(base_url: str | httpx.URL | None) -> str:
    if base_url is None and BASE_URL_ENV:
        base_url = os.environ.get(BASE_URL_ENV) or None
    if base_url is None:
        base_url = DEFAULT_BASE_URL
    return str(base_url)


def _auth_headers(api_key: str | None) -> dict[str, str]:
    if not api_key:
        return {}
    return {"Authorization": "Bearer " + api_key}


def _auth_query(api_key: str | None) -> dict[str, str]:
    return {}


def _sensitive_names(base: frozenset[str]) -> frozenset[str]:
    if AUTH_KIND in ("header", "query") and AUTH_NAME:
        return base | {AUTH_NAME.lower()}
    return base


class OpenAIVideosLite(SyncAPIClient):
    """Synchronous client. The API key comes from ``api_key`` or the environment variable named by API_KEY_ENV."""

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
    ) -> None:
        super().__init__(
            base_url=_resolve_base_url(base_url),
            api_key=_resolve_api_key(api_key),
            timeout=DEFAULT_TIMEOUT if isinstance(timeout, NotGiven) else timeout,
            max_retries=max_retries,
            custom_headers=default_headers,
            custom_query=default_query,
            strict=strict,
            http_client=http_client,
        )

    def _auth_headers(self) -> dict[str, str]:
        return _auth_headers(self.api_key)

    def _auth_query(self) -> dict[str, str]:
        return _auth_query(self.api_key)

    def _sensitive_names(self) -> frozenset[str]:
        return _sensitive_names(super()._sensitive_names())

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
            api_key=api_key if api_key is not None else self.api_key,
            base_url=base_url if base_url is not None else self.base_url,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            max_retries=(self.max_retries if isinstance(max_retries, NotGiven) else max_retries),
            default_headers=headers,
            default_query=query,
            http_client=http_client if http_client is not None else self._client,
            strict=self._strict if strict is None else strict,
        )
        new._owns_client = http_client is not None and http_client is not self._client
        new._sleep = self._sleep
        new._random = self._random
        new._time = self._time
        return new

    with_options = copy

    @cached_property
    def videos(self) -> Videos:
        from .resources.videos import Videos

        return Videos(self)
