"""The error hierarchy of the SDK."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import httpx
from typing_extensions import Literal

from ._identity import ErrorBase


class APIError(ErrorBase):
    message: str
    request: httpx.Request
    body: object | None
    """The API response body: parsed JSON when it is JSON, else the text, else ``None``."""

    def __init__(self, message: str, request: httpx.Request, *, body: object | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body

    def __str__(self) -> str:
        return self.message


class APIConnectionError(APIError):
    """The request could not reach the server (DNS, refused connection, broken transfer...)."""

    def __init__(self, *, message: str = "Connection error.", request: httpx.Request) -> None:
        super().__init__(message, request, body=None)


class APITimeoutError(APIConnectionError):
    """The request timed out (after all retries)."""

    def __init__(self, request: httpx.Request) -> None:
        super().__init__(message="Request timed out.", request=request)


class APIStreamError(APIError):
    """A server-sent event stream ended in the middle of an event, or sent an error event."""


class APIResponseValidationError(APIError):
    """The response did not match the expected type and the client was created with ``strict=True``."""

    response: httpx.Response
    status_code: int

    def __init__(
        self,
        response: httpx.Response,
        body: object | None,
        *,
        message: str | None = None,
    ) -> None:
        super().__init__(
            message or "Data returned by API invalid for expected schema.",
            response.request,
            body=body,
        )
        self.response = response
        self.status_code = response.status_code


class APIStatusError(APIError):
    """The API answered with a non-success (4xx or 5xx) status code.

    ``code``, ``type`` and ``param`` come from the body's error object (``{"error": {...}}``, else the top level of
    the body) when it has them, else ``None``; ``body`` is the whole body.
    """

    response: httpx.Response
    status_code: int
    request_id: str | None
    code: str | None
    type: str | None
    param: str | None

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: object | None,
        redact: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__(message, response.request, body=body)
        self.response = response
        self.status_code = response.status_code
        self.request_id = response.headers.get("x-request-id")
        details = error_details(body)
        clean = redact or (lambda text: text)
        self.code, self.type, self.param = (
            clean(value) if value is not None else None for value in (details.get(k) for k in _DETAIL_KEYS)
        )

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__name__}(status_code={self.status_code!r}, message={self.message!r},"
            f" code={self.code!r}, request_id={self.request_id!r})"
        )


class BadRequestError(APIStatusError):
    status_code: Literal[400]


class AuthenticationError(APIStatusError):
    status_code: Literal[401]


class PermissionDeniedError(APIStatusError):
    status_code: Literal[403]


class NotFoundError(APIStatusError):
    status_code: Literal[404]


class ConflictError(APIStatusError):
    status_code: Literal[409]


class UnprocessableEntityError(APIStatusError):
    status_code: Literal[422]


class RateLimitError(APIStatusError):
    status_code: Literal[429]


class InternalServerError(APIStatusError):
    pass


_STATUS_ERRORS: Mapping[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def error_message_from_body(body: object) -> str | None:
    """Find a human-readable message in an error body (``{"error": {"message": ...}}`` and common variants)."""
    if isinstance(body, str):
        text = body.strip()
        return text[:1000] if text else None
    if not isinstance(body, Mapping):
        return None
    data: Mapping[str, Any] = body
    error = data.get("error")
    if isinstance(error, Mapping):
        inner = error.get("message")
        if isinstance(inner, str) and inner:
            return inner
    if isinstance(error, str) and error:
        return error
    for key in ("message", "detail", "error_description", "title"):
        value = data.get(key)
        if isinstance(value, str) and value:
            return value
    return None


# httpx's network error classes (and those of an httpx-compatible client such as httpx2), matched by name
_TRANSPORT_ERROR_NAMES = frozenset({"TransportError", "NetworkError", "TimeoutException", "ProtocolError"})


def is_transport_error(err: BaseException) -> bool:
    """Whether ``err`` is a network failure of the HTTP client (refused, reset, cut short, timed out...)."""
    return any(cls.__name__ in _TRANSPORT_ERROR_NAMES for cls in type(err).__mro__)


def connection_error(err: BaseException, request: httpx.Request) -> APIConnectionError:
    """Our error for a network failure ``err``: ``APITimeoutError`` for a timeout, else ``APIConnectionError``."""
    if any("Timeout" in cls.__name__ for cls in type(err).__mro__):
        return APITimeoutError(request=request)
    return APIConnectionError(request=request)


_DETAIL_KEYS = ("code", "type", "param")


def error_details(body: object) -> dict[str, str]:
    """``code`` / ``type`` / ``param`` of an error body, as text: from ``body["error"]`` when it is an object, else
    from the top level. Missing or null entries are left out; numbers (a numeric ``code``) become text."""
    if not isinstance(body, Mapping):
        return {}
    error = body.get("error")
    source: Mapping[str, Any] = error if isinstance(error, Mapping) else body
    details: dict[str, str] = {}
    for key in _DETAIL_KEYS:
        value = source.get(key)
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, (str, int, float)):
            details[key] = str(value)
    return details


def make_status_error(
    message: str,
    *,
    response: httpx.Response,
    body: object | None,
    redact: Callable[[str], str] | None = None,
) -> APIStatusError:
    status = response.status_code
    cls = _STATUS_ERRORS.get(status)
    if cls is None:
        cls = InternalServerError if status >= 500 else APIStatusError
    return cls(message, response=response, body=body, redact=redact)
