"""Cursor pagination: ``SyncCursorPage[T]`` / ``AsyncCursorPage[T]`` and the awaitable ``AsyncPaginator``."""

from __future__ import annotations

from collections.abc import AsyncIterator, Generator, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import (
    TYPE_CHECKING,
    Any,
    Generic,
    TypeVar,
    cast,
)

import httpx
from typing_extensions import Self

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, FinalRequestOptions, SyncAPIClient

__all__ = ["AsyncCursorPage", "AsyncPaginator", "PagingSpec", "SyncCursorPage"]

_ItemT = TypeVar("_ItemT")
_AsyncPageT = TypeVar("_AsyncPageT", bound="AsyncCursorPage[Any]")


@dataclass(frozen=True)
class PagingSpec:
    """How a list operation pages.

    ``cursor_source`` is ``"last_item:<field>"`` (the cursor is a field of the last item) or
    ``"response:<field>"`` (a field of the response body); ``has_more_field`` names the response's "more pages"
    flag, or is empty when there is none (a page then has a successor while its cursor is present).
    """

    items_field: str = "data"
    cursor_param: str = "after"
    cursor_source: str = "last_item:id"
    has_more_field: str = "has_more"


class _BasePage(Generic[_ItemT]):
    data: list[_ItemT]
    raw: Any
    """The whole response body of this page, as JSON."""

    def __init__(
        self,
        *,
        data: list[_ItemT],
        raw: Any,
        response: httpx.Response,
        client: Any,
        options: FinalRequestOptions,
        page: Any,
        item: Any,
        paging: PagingSpec,
    ) -> None:
        self.data = data
        self.raw = raw
        self.http_response = response
        self._client = client
        self._options = options
        self._page = page
        self._item = item
        self._paging = paging

    @classmethod
    def _build(
        cls,
        *,
        data: Any,
        response: httpx.Response,
        client: Any,
        options: FinalRequestOptions,
        page: Any,
        item: Any,
        paging: PagingSpec,
    ) -> Self:
        raw_items: Any = []
        if isinstance(data, Mapping):
            raw_items = data.get(paging.items_field) or []
        elif isinstance(data, list):
            raw_items = data
        items = [client._parse_data(item, value, response) for value in raw_items]
        return cls(
            data=items,
            raw=data,
            response=response,
            client=client,
            options=options,
            page=page,
            item=item,
            paging=paging,
        )

    @property
    def items(self) -> list[_ItemT]:
        return self.data

    def _next_cursor(self) -> str | None:
        source, _, name = self._paging.cursor_source.partition(":")
        value: Any
        if source == "last_item":
            if not self.data:
                return None
            last: Any = self.data[-1]
            if isinstance(last, Mapping):
                value = last.get(name)
            else:
                value = getattr(last, name, None)
        else:
            value = self.raw.get(name) if isinstance(self.raw, Mapping) else None
        if value is None or value == "":
            return None
        return str(value)

    def has_next_page(self) -> bool:
        if not self.data:
            return False
        flag = self._paging.has_more_field
        if flag and isinstance(self.raw, Mapping) and flag in self.raw and not self.raw[flag]:
            return False
        return self._next_cursor() is not None

    def _next_page_options(self) -> FinalRequestOptions:
        cursor = self._next_cursor()
        if cursor is None or not self.has_next_page():
            raise RuntimeError("No next page; check has_next_page() before calling get_next_page().")
        params = {**self._options.params, self._paging.cursor_param: cursor}
        return replace(self._options, params=params)

    def __len__(self) -> int:
        return len(self.data)

    def __repr__(self) -> str:
        return f"{self.__class__.__name__}(data={self.data!r})"


class SyncCursorPage(_BasePage[_ItemT]):
    """One page of results. Iterating the page walks the items of this page and of every later page."""

    _client: SyncAPIClient

    def __iter__(self) -> Iterator[_ItemT]:
        for page in self.iter_pages():
            yield from page.data

    def iter_pages(self) -> Iterator[Self]:
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = page.get_next_page()

    def get_next_page(self) -> Self:
        options = self._next_page_options()
        return cast(
            Self,
            self._client._request_page(self._page, self._item, self._paging, options),
        )


class AsyncCursorPage(_BasePage[_ItemT]):
    """The async twin: ``async for item in page`` walks every later page too."""

    _client: AsyncAPIClient

    async def __aiter__(self) -> AsyncIterator[_ItemT]:
        async for page in self.iter_pages():
            for item in page.data:
                yield item

    async def iter_pages(self) -> AsyncIterator[Self]:
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = await page.get_next_page()

    async def get_next_page(self) -> Self:
        options = self._next_page_options()
        result = await self._client._request_page(self._page, self._item, self._paging, options)
        return cast(Self, result)


class AsyncPaginator(Generic[_ItemT, _AsyncPageT]):
    """What an async list method returns: ``await`` it for the first page, or ``async for`` over all items."""

    def __init__(
        self,
        *,
        client: AsyncAPIClient,
        options: FinalRequestOptions,
        page: type[_AsyncPageT],
        item: Any,
        paging: PagingSpec,
    ) -> None:
        self._client = client
        self._options = options
        self._page = page
        self._item = item
        self._paging = paging

    def __await__(self) -> Generator[Any, None, _AsyncPageT]:
        return self._get_page().__await__()

    async def _get_page(self) -> _AsyncPageT:
        result = await self._client._request_page(self._page, self._item, self._paging, self._options)
        return cast(_AsyncPageT, result)

    async def __aiter__(self) -> AsyncIterator[_ItemT]:
        page = await self
        async for item in page:
            yield item
