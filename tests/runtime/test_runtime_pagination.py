from __future__ import annotations

from typing import Any

import httpx
from runtime_helpers import Mock, Sleeps, json_response, run

PAGES = {
    None: {"data": [{"id": "w_1"}, {"id": "w_2"}], "has_more": True},
    "w_2": {"data": [{"id": "w_3"}, {"id": "w_4"}], "has_more": True},
    "w_4": {"data": [{"id": "w_5"}], "has_more": False},
}


def pages(request: httpx.Request) -> httpx.Response:
    return json_response(200, PAGES[request.url.params.get("after")])


def test_sync_pagination_three_pages(client: Any, sdk: Any, mock: Mock) -> None:
    mock.handler = pages
    page = client.widgets.list(limit=2)
    assert isinstance(page, sdk.SyncCursorPage)
    assert [w.id for w in page.data] == ["w_1", "w_2"]
    assert page.has_next_page()
    assert [w.id for w in page] == ["w_1", "w_2", "w_3", "w_4", "w_5"]
    assert [r.url.params.get("after") for r in mock.requests] == [None, "w_2", "w_4"]
    assert all(r.url.params["limit"] == "2" for r in mock.requests)
    last = page.get_next_page().get_next_page()
    assert [w.id for w in last.data] == ["w_5"] and not last.has_next_page()
    assert [len(p.data) for p in page.iter_pages()] == [2, 2, 1]


def test_raw_list_parses_to_page(client: Any, sdk: Any, mock: Mock) -> None:
    mock.handler = pages
    raw = client.widgets.with_raw_response.list()
    assert raw.status_code == 200
    page = raw.parse()
    assert isinstance(page, sdk.SyncCursorPage)
    assert [w.id for w in page] == ["w_1", "w_2", "w_3", "w_4", "w_5"]


def test_response_cursor_source_without_has_more(client: Any, sdk: Any, mock: Mock) -> None:
    from acme_sdk._base_client import build_request_options
    from acme_sdk._pagination import PagingSpec

    bodies = {None: {"items": [1, 2], "next": "c2"}, "c2": {"items": [3], "next": None}}
    mock.handler = lambda r: json_response(200, bodies[r.url.params.get("cursor")])
    spec = PagingSpec(items_field="items", cursor_param="cursor", cursor_source="response:next", has_more_field="")
    page = client._request_page(sdk.SyncCursorPage[int], int, spec, build_request_options("get", "/n"))
    assert list(page) == [1, 2, 3]


def test_async_pagination_three_pages(aclient: Any, sdk: Any, mock: Mock) -> None:
    async def main() -> None:
        mock.handler = pages
        page = await aclient.widgets.list(limit=2)
        assert isinstance(page, sdk.AsyncCursorPage)
        assert [w.id for w in page.data] == ["w_1", "w_2"]
        assert [w.id async for w in page] == ["w_1", "w_2", "w_3", "w_4", "w_5"]
        mock.requests.clear()
        assert [w.id async for w in aclient.widgets.list()] == ["w_1", "w_2", "w_3", "w_4", "w_5"]
        assert len(mock.requests) == 3
        second = await page.get_next_page()
        assert [w.id for w in second.data] == ["w_3", "w_4"]
        raw = await aclient.widgets.with_raw_response.list()
        assert [w.id for w in (await raw.parse()).data] == ["w_1", "w_2"]

    run(main)


def _polling(statuses: list[str], header: str | None) -> Any:
    calls = {"n": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        status = statuses[calls["n"]]
        calls["n"] += 1
        headers = {"openai-poll-after-ms": header} if header else {}
        return json_response(200, {"id": "w_1", "status": status}, headers)

    return handler


def test_polling_until_completed(client: Any, mock: Mock, sleeps: Sleeps) -> None:
    mock.handler = _polling(["queued", "in_progress", "in_progress", "completed"], "250")
    widget = client.widgets.poll("w_1")
    assert widget.status == "completed"
    assert len(mock.requests) == 4
    assert sleeps.calls == [0.25, 0.25, 0.25]


def test_polling_interval_fallbacks(client: Any, mock: Mock, sleeps: Sleeps) -> None:
    mock.handler = _polling(["queued", "failed"], None)
    assert client.widgets.poll("w_1", poll_interval_ms=40).status == "failed"
    mock.handler = _polling(["queued", "completed"], None)
    client.widgets.poll("w_1")
    assert sleeps.calls == [0.04, 1.0]


def test_async_polling(aclient: Any, mock: Mock, sleeps: Sleeps) -> None:
    async def main() -> None:
        mock.handler = _polling(["queued", "in_progress", "completed"], "100")
        widget = await aclient.widgets.poll("w_1")
        assert widget.status == "completed" and sleeps.calls == [0.1, 0.1]

    run(main)
