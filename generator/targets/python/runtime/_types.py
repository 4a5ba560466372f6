"""Sentinels and type aliases shared by the runtime and the generated resources."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import IO, Any, ClassVar, Optional, Union, cast

import httpx
from typing_extensions import Literal, Self, TypedDict

__all__ = [
    "NOT_GIVEN",
    "Body",
    "FileContent",
    "FileTypes",
    "Headers",
    "NoneType",
    "NotGiven",
    "Omit",
    "ParamStyles",
    "Query",
    "RequestFiles",
    "RequestOptions",
    "Timeout",
    "omit",
]


class NotGiven:
    """Marks a parameter that the caller did not pass, as distinct from an explicit ``None``.

    It is falsy, so ``if value:`` treats it like "nothing given".
    """

    _instance: ClassVar[NotGiven | None] = None

    def __new__(cls) -> Self:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cast(Self, cls._instance)

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __copy__(self) -> NotGiven:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> NotGiven:
        return self


NOT_GIVEN = NotGiven()


class Omit:
    """Removes a default header (or query parameter) when passed as its value: ``extra_headers={"X": Omit()}``."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "OMIT"


omit = Omit()

NoneType: type[None] = type(None)

Headers = Mapping[str, Union[str, Omit]]
Query = Mapping[str, object]
Body = object
Timeout = Union[float, httpx.Timeout, None]

FileContent = Union[IO[bytes], bytes, "os.PathLike[str]"]
FileTypes = Union[
    FileContent,
    tuple[Optional[str], FileContent],
    tuple[Optional[str], FileContent, Optional[str]],
]
RequestFiles = Union[Mapping[str, FileTypes], Sequence[tuple[str, FileTypes]]]

# {wire_name: (style, explode)} for parameters that are not serialised as OpenAPI form + explode.
ParamStyles = Mapping[str, tuple[str, bool]]


class RequestOptions(TypedDict, total=False):
    """Per-call overrides built by ``make_request_options``."""

    headers: Headers
    params: Query
    extra_json: Mapping[str, object]
    timeout: float | httpx.Timeout | None
    max_retries: int
    idempotency_key: str
