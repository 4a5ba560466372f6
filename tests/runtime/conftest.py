"""Emit the runtime for a small Api, import the package, and give tests a mock HTTP layer."""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from generator.targets.python.auth import single_scheme_auth
from generator.targets.python.shapes import PyApi as Api
from generator.targets.python.shapes import PyResource as Resource

sys.path.insert(0, str(Path(__file__).resolve().parent))

from runtime_helpers import Mock, Sleeps

# Stand-ins for what the lead's templates generate (package __init__, a model and a resource module), written to
# the contract in docs/runtime.md so that the runtime is exercised (and type-checked) the way generated code uses it.
INIT_PY = """\
from ._client import *  # noqa: F403
from ._exceptions import *  # noqa: F403
from ._identity import *  # noqa: F403
from ._types import NOT_GIVEN, NotGiven, Omit
from ._version import __version__
from ._response import APIResponse, AsyncAPIResponse, BinaryAPIResponse, AsyncBinaryAPIResponse
from ._pagination import SyncCursorPage, AsyncCursorPage, AsyncPaginator, PagingSpec

__all__ = ["NOT_GIVEN", "NotGiven", "Omit", "__version__", "APIResponse", "AsyncAPIResponse",
           "BinaryAPIResponse", "AsyncBinaryAPIResponse", "SyncCursorPage", "AsyncCursorPage",
           "AsyncPaginator", "PagingSpec"]
"""

TYPES_INIT_PY = """\
from .widget import Event, Widget

__all__ = ["Event", "Widget"]
"""

WIDGET_PY = """\
from __future__ import annotations

from typing import List, Optional, Union

from typing_extensions import Literal

from .._models import BaseModel


class Part(BaseModel):
    name: str
    size: int


class Widget(BaseModel):
    id: str
    status: str = "queued"
    kind: Optional[Union[str, Literal["round", "square"]]] = None
    size: Optional[int] = None
    parts: Optional[List[Part]] = None


class Event(BaseModel):
    type: str
    value: Optional[int] = None
"""

RESOURCE_PY = '''\
from __future__ import annotations

from functools import cached_property
from typing import Any, Dict, List, Union, cast

import httpx

from .._base_client import make_request_options
from .._pagination import AsyncCursorPage, AsyncPaginator, PagingSpec, SyncCursorPage
from .._resource import AsyncAPIResource, SyncAPIResource
from .._response import (
    APIResponse,
    AsyncAPIResponse,
    AsyncBinaryAPIResponse,
    BinaryAPIResponse,
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._streaming import AsyncStream, Stream
from .._types import NOT_GIVEN, Body, FileTypes, Headers, NotGiven, Query
from .._utils import path_template
from ..types.widget import Event, Widget

_PAGING = PagingSpec(
    items_field="data", cursor_param="after", cursor_source="last_item:id", has_more_field="has_more"
)


class Widgets(SyncAPIResource):
    @cached_property
    def with_raw_response(self) -> WidgetsWithRawResponse:
        return WidgetsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> WidgetsWithStreamingResponse:
        return WidgetsWithStreamingResponse(self)

    def create(
        self,
        *,
        name: str,
        size: int | NotGiven = NOT_GIVEN,
        tags: List[str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Widget:
        return self._request(
            "post",
            "/widgets",
            cast_to=Widget,
            body={"name": name, "size": size, "tags": tags},
            content_type="application/json",
            options=make_request_options(
                extra_headers=extra_headers, extra_query=extra_query,
                extra_body=extra_body, timeout=timeout,
            ),
        )

    def retrieve(
        self,
        widget_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Widget:
        return self._request(
            "get",
            path_template("/widgets/{widget_id}", widget_id=widget_id),
            cast_to=Widget,
            options=make_request_options(
                extra_headers=extra_headers, extra_query=extra_query,
                extra_body=extra_body, timeout=timeout,
            ),
        )

    def search(
        self,
        *,
        ids: List[str] | NotGiven = NOT_GIVEN,
        active: bool | NotGiven = NOT_GIVEN,
        trace: str | NotGiven = NOT_GIVEN,
        session: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> List[Widget]:
        return cast(
            List[Widget],
            self._request(
                "get",
                "/widgets/search",
                cast_to=cast(Any, List[Widget]),
                query={"ids": ids, "active": active},
                headers={"X-Trace": trace},
                cookies={"session": session},
                param_styles={"ids": ("pipeDelimited", False)},
                options=make_request_options(
                    extra_headers=extra_headers, extra_query=extra_query,
                    extra_body=extra_body, timeout=timeout,
                ),
            ),
        )

    def list(
        self,
        *,
        after: str | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SyncCursorPage[Widget]:
        return self._get_api_list(
            "/widgets",
            page=SyncCursorPage[Widget],
            item=Widget,
            paging=_PAGING,
            query={"after": after, "limit": limit},
            options=make_request_options(
                extra_headers=extra_headers, extra_query=extra_query,
                extra_body=extra_body, timeout=timeout,
            ),
        )

    def upload(
        self,
        *,
        file: FileTypes,
        purpose: str,
        meta: Dict[str, object] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Widget:
        return self._request(
            "post",
            "/uploads",
            cast_to=Widget,
            body={"file": file, "purpose": purpose, "meta": meta},
            content_type="multipart/form-data",
            files=("file",),
            options=make_request_options(
                extra_headers=extra_headers, extra_query=extra_query,
                extra_body=extra_body, timeout=timeout,
            ),
        )

    def submit(
        self,
        *,
        file: FileTypes,
        attachments: List[FileTypes] | NotGiven = NOT_GIVEN,
        cover: Union[FileTypes, Dict[str, object]] | NotGiven = NOT_GIVEN,
        meta: Dict[str, object] | NotGiven = NOT_GIVEN,
        tags: List[object] | NotGiven = NOT_GIVEN,
        settings: Dict[str, object] | NotGiven = NOT_GIVEN,
        labels: List[str] | NotGiven = NOT_GIVEN,
        config: Dict[str, object] | NotGiven = NOT_GIVEN,
        notes: List[str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Widget:
        # what the generator emits for a multipart body whose media type declares `encoding` for some fields
        return self._request(
            "post",
            "/submissions",
            cast_to=Widget,
            body={
                "file": file,
                "attachments": attachments,
                "cover": cover,
                "meta": meta,
                "tags": tags,
                "settings": settings,
                "labels": labels,
                "config": config,
                "notes": notes,
            },
            content_type="multipart/form-data",
            files=("file", "attachments", "cover"),
            part_styles={"settings": ("deepObject", True), "labels": ("form", False)},
            part_types={"config": "application/json", "notes": "text/markdown"},
            options=make_request_options(
                extra_headers=extra_headers, extra_query=extra_query,
                extra_body=extra_body, timeout=timeout,
            ),
        )

    def download(
        self,
        widget_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> BinaryAPIResponse:
        return self._request(
            "get",
            path_template("/widgets/{widget_id}/content", widget_id=widget_id),
            cast_to=BinaryAPIResponse,
            options=make_request_options(
                extra_headers=extra_headers, extra_query=extra_query,
                extra_body=extra_body, timeout=timeout,
            ),
        )

    def delete(
        self,
        widget_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        return self._request(
            "delete",
            path_template("/widgets/{widget_id}", widget_id=widget_id),
            cast_to=type(None),
            options=make_request_options(
                extra_headers=extra_headers, extra_query=extra_query,
                extra_body=extra_body, timeout=timeout,
            ),
        )

    def events(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Stream[Event]:
        return self._request(
            "get",
            "/events",
            cast_to=Stream[Event],
            options=make_request_options(
                extra_headers=extra_headers, extra_query=extra_query,
                extra_body=extra_body, timeout=timeout,
            ),
        )

    def poll(
        self,
        widget_id: str,
        *,
        poll_interval_ms: int | NotGiven = NOT_GIVEN,
    ) -> Widget:
        return self._poll(
            lambda: self.with_raw_response.retrieve(widget_id),
            status_field="status",
            pending=("queued", "in_progress"),
            interval_header="openai-poll-after-ms",
            poll_interval_ms=poll_interval_ms,
            default_interval_ms=1000,
        )


class AsyncWidgets(AsyncAPIResource):
    @cached_property
    def with_raw_response(self) -> AsyncWidgetsWithRawResponse:
        return AsyncWidgetsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncWidgetsWithStreamingResponse:
        return AsyncWidgetsWithStreamingResponse(self)

    async def create(
        self,
        *,
        name: str,
        size: int | NotGiven = NOT_GIVEN,
        tags: List[str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Widget:
        return await self._request(
            "post",
            "/widgets",
            cast_to=Widget,
            body={"name": name, "size": size, "tags": tags},
            content_type="application/json",
            options=make_request_options(
                extra_headers=extra_headers, extra_query=extra_query,
                extra_body=extra_body, timeout=timeout,
            ),
        )

    async def retrieve(
        self,
        widget_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Widget:
        return await self._request(
            "get",
            path_template("/widgets/{widget_id}", widget_id=widget_id),
            cast_to=Widget,
            options=make_request_options(
                extra_headers=extra_headers, extra_query=extra_query,
                extra_body=extra_body, timeout=timeout,
            ),
        )

    def list(
        self,
        *,
        after: str | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> AsyncPaginator[Widget, AsyncCursorPage[Widget]]:
        return self._get_api_list(
            "/widgets",
            page=AsyncCursorPage[Widget],
            item=Widget,
            paging=_PAGING,
            query={"after": after, "limit": limit},
            options=make_request_options(
                extra_headers=extra_headers, extra_query=extra_query,
                extra_body=extra_body, timeout=timeout,
            ),
        )

    async def download(
        self,
        widget_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> AsyncBinaryAPIResponse:
        return await self._request(
            "get",
            path_template("/widgets/{widget_id}/content", widget_id=widget_id),
            cast_to=AsyncBinaryAPIResponse,
            options=make_request_options(
                extra_headers=extra_headers, extra_query=extra_query,
                extra_body=extra_body, timeout=timeout,
            ),
        )

    async def events(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> AsyncStream[Event]:
        return await self._request(
            "get",
            "/events",
            cast_to=AsyncStream[Event],
            options=make_request_options(
                extra_headers=extra_headers, extra_query=extra_query,
                extra_body=extra_body, timeout=timeout,
            ),
        )

    async def poll(
        self,
        widget_id: str,
        *,
        poll_interval_ms: int | NotGiven = NOT_GIVEN,
    ) -> Widget:
        return await self._poll(
            lambda: self.with_raw_response.retrieve(widget_id),
            status_field="status",
            pending=("queued", "in_progress"),
            interval_header="openai-poll-after-ms",
            poll_interval_ms=poll_interval_ms,
            default_interval_ms=1000,
        )


class WidgetsWithRawResponse:
    def __init__(self, widgets: Widgets) -> None:
        self.create = to_raw_response_wrapper(widgets.create)
        self.retrieve = to_raw_response_wrapper(widgets.retrieve)
        self.list = to_raw_response_wrapper(widgets.list)
        self.download = to_raw_response_wrapper(widgets.download)


class WidgetsWithStreamingResponse:
    def __init__(self, widgets: Widgets) -> None:
        self.create = to_streamed_response_wrapper(widgets.create)
        self.download = to_streamed_response_wrapper(widgets.download)
        self.events = to_streamed_response_wrapper(widgets.events)


class AsyncWidgetsWithRawResponse:
    def __init__(self, widgets: AsyncWidgets) -> None:
        self.create = async_to_raw_response_wrapper(widgets.create)
        self.retrieve = async_to_raw_response_wrapper(widgets.retrieve)
        self.list = async_to_raw_response_wrapper(widgets.list)


class AsyncWidgetsWithStreamingResponse:
    def __init__(self, widgets: AsyncWidgets) -> None:
        self.create = async_to_streamed_response_wrapper(widgets.create)
        self.download = async_to_streamed_response_wrapper(widgets.download)


def _typing_checks(client_raw: APIResponse[Widget], a: AsyncAPIResponse[Widget], b: Union[int, str]) -> None:
    """Never called: only here so that mypy checks the wrapper signatures."""
'''


WIDGETS = Resource(
    name="widgets",
    module="widgets",
    class_name="Widgets",
    async_class_name="AsyncWidgets",
    operations=(),
)


def make_api(
    package: str = "acme_sdk",
    *,
    kind: str = "bearer",
    name: str = "",
    required: bool = True,
    sync: bool = True,
    async_: bool = True,
    resources: tuple[Resource, ...] = (WIDGETS,),
) -> Api:
    return Api(
        title="Acme",
        description="Acme test API",
        version="1.2.3",
        spec_version="2024-01-01",
        distribution=package.replace("_", "-"),
        package=package,
        client_class="Acme",
        async_client_class="AsyncAcme",
        error_base="AcmeError",
        base_url="https://api.acme.test/v1",
        base_url_env="ACME_BASE_URL",
        log_env="ACME_LOG",
        auth=single_scheme_auth(kind, name=name, env_var="ACME_API_KEY", required=required),
        sync=sync,
        async_=async_,
        resources=resources,
    )


def runtime_files(api: Api) -> dict[str, str]:
    """The package's runtime as the pipeline emits it, keyed by file name: runtime/ plus the sdk/package templates."""
    from generator.targets.python.render import environment
    from generator.targets.python.render import runtime_files as emitted

    return {path.split("/", 1)[1]: text for path, text in emitted(environment(), api).items()}


def render_package(api: Api, dest: Path, *, with_stubs: bool = True) -> Path:
    """Write the runtime (plus the stand-in generated modules) to ``dest/<package>``."""
    pkg_dir = dest / api.package
    pkg_dir.mkdir(parents=True, exist_ok=True)
    for name, text in runtime_files(api).items():
        (pkg_dir / name).write_text(text)
    if with_stubs:
        (pkg_dir / "__init__.py").write_text(INIT_PY)
        (pkg_dir / "types").mkdir(exist_ok=True)
        (pkg_dir / "types" / "__init__.py").write_text(TYPES_INIT_PY)
        (pkg_dir / "types" / "widget.py").write_text(WIDGET_PY)
        if api.resources:
            (pkg_dir / "resources").mkdir(exist_ok=True)
            (pkg_dir / "resources" / "__init__.py").write_text("")
            (pkg_dir / "resources" / "widgets.py").write_text(RESOURCE_PY)
    else:
        (pkg_dir / "__init__.py").write_text("")
    return pkg_dir


_loaded: dict[str, types.ModuleType] = {}


def load_package(api: Api, root: Path) -> types.ModuleType:
    if api.package in _loaded:
        return _loaded[api.package]
    render_package(api, root)
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    module = importlib.import_module(api.package)
    _loaded[api.package] = module
    return module


@pytest.fixture(scope="session")
def pkg_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("rendered")


@pytest.fixture(scope="session")
def sdk(pkg_root: Path) -> types.ModuleType:
    return load_package(make_api(), pkg_root)


@pytest.fixture(scope="session")
def sdk_loader(pkg_root: Path) -> Callable[..., types.ModuleType]:
    def load(package: str, **kwargs: Any) -> types.ModuleType:
        return load_package(make_api(package, **kwargs), pkg_root)

    return load


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for var in ("ACME_API_KEY", "ACME_BASE_URL", "ACME_LOG"):
        monkeypatch.delenv(var, raising=False)
    yield


@pytest.fixture
def mock() -> Mock:
    return Mock()


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def client(sdk: types.ModuleType, mock: Mock, sleeps: Sleeps) -> Iterator[Any]:
    c = sdk.Acme(api_key="sk-secret-123", http_client=httpx.Client(transport=httpx.MockTransport(mock)))
    c._sleep = sleeps
    c._random = lambda: 0.0
    yield c
    c.close()


@pytest.fixture
def aclient(sdk: types.ModuleType, mock: Mock, sleeps: Sleeps) -> Any:
    c = sdk.AsyncAcme(api_key="sk-secret-123", http_client=httpx.AsyncClient(transport=httpx.MockTransport(mock)))
    c._sleep = sleeps.asleep
    c._random = lambda: 0.0
    return c
