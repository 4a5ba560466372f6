"""Base classes of the generated resources: thin delegations to the client."""

from __future__ import annotations

from collections.abc import Awaitable, Mapping, Sequence
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    TypeVar,
    cast,
)

from ._base_client import AsyncAPIClient, Security, SyncAPIClient, build_request_options
from ._response import APIResponse, AsyncAPIResponse
from ._types import NotGiven, ParamStyles, RequestOptions

if TYPE_CHECKING:
    from ._pagination import AsyncCursorPage, AsyncPaginator, PagingSpec, SyncCursorPage

__all__ = ["AsyncAPIResource", "SyncAPIResource"]

_T = TypeVar("_T")
_ItemT = TypeVar("_ItemT")
_SyncPageT = TypeVar("_SyncPageT", bound="SyncCursorPage[Any]")
_AsyncPageT = TypeVar("_AsyncPageT", bound="AsyncCursorPage[Any]")


def _status_of(parsed: object, status_field: str) -> object:
    if isinstance(parsed, Mapping):
        return parsed.get(status_field)
    return getattr(parsed, status_field, None)


def _interval_seconds(
    headers: Mapping[str, str],
    interval_header: str | None,
    poll_interval_ms: float | None | NotGiven,
    default_interval_ms: int,
) -> float:
    if interval_header:
        value = headers.get(interval_header)
        if value is not None:
            try:
                return max(float(value), 0.0) / 1000.0
            except ValueError:
                pass
    if isinstance(poll_interval_ms, (int, float)) and not isinstance(poll_interval_ms, bool):
        return max(float(poll_interval_ms), 0.0) / 1000.0
    return default_interval_ms / 1000.0


class SyncAPIResource:
    _client: SyncAPIClient

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def _sleep(self, seconds: float) -> None:
        self._client._sleep(seconds)

    def _request(
        self,
        method: str,
        path: str,
        *,
        cast_to: type[_T],
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
    ) -> _T:
        final = build_request_options(
            method,
            path,
            body=body,
            body_required=body_required,
            query=query,
            headers=headers,
            cookies=cookies,
            content_type=content_type,
            files=files,
            param_styles=param_styles,
            part_styles=part_styles,
            part_types=part_types,
            options=options,
            security=security,
        )
        return cast(_T, self._client.request(cast_to, final))

    def _get_api_list(
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
        return self._client.get_api_list(
            path,
            page=page,
            item=item,
            paging=paging,
            query=query,
            param_styles=param_styles,
            options=options,
            security=security,
        )

    def _poll(
        self,
        fetch: Callable[[], APIResponse[_T]],
        *,
        status_field: str,
        pending: Sequence[str],
        interval_header: str | None = None,
        poll_interval_ms: float | None | NotGiven = None,
        default_interval_ms: int = 1000,
    ) -> _T:
        """Call ``fetch`` until the parsed value's ``status_field`` is no longer one of ``pending``."""
        while True:
            response = fetch()
            parsed = response.parse()
            if _status_of(parsed, status_field) not in pending:
                return parsed
            self._client._sleep(
                _interval_seconds(
                    response.headers,
                    interval_header,
                    poll_interval_ms,
                    default_interval_ms,
                )
            )


class AsyncAPIResource:
    _client: AsyncAPIClient

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def _sleep(self, seconds: float) -> None:
        await self._client._sleep(seconds)

    async def _request(
        self,
        method: str,
        path: str,
        *,
        cast_to: type[_T],
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
    ) -> _T:
        final = build_request_options(
            method,
            path,
            body=body,
            body_required=body_required,
            query=query,
            headers=headers,
            cookies=cookies,
            content_type=content_type,
            files=files,
            param_styles=param_styles,
            part_styles=part_styles,
            part_types=part_types,
            options=options,
            security=security,
        )
        return cast(_T, await self._client.request(cast_to, final))

    def _get_api_list(
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
        return self._client.get_api_list(
            path,
            page=page,
            item=item,
            paging=paging,
            query=query,
            param_styles=param_styles,
            options=options,
            security=security,
        )

    async def _poll(
        self,
        fetch: Callable[[], Awaitable[AsyncAPIResponse[_T]]],
        *,
        status_field: str,
        pending: Sequence[str],
        interval_header: str | None = None,
        poll_interval_ms: float | None | NotGiven = None,
        default_interval_ms: int = 1000,
    ) -> _T:
        while True:
            response = await fetch()
            parsed = await response.parse()
            if _status_of(parsed, status_field) not in pending:
                return parsed
            await self._client._sleep(
                _interval_seconds(
                    response.headers,
                    interval_header,
                    poll_interval_ms,
                    default_interval_ms,
                )
            )
