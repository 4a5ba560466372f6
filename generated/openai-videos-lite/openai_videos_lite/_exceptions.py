"""The error hierarchy of the SDK."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx
from typing_extensions import Literal


class OpenAIVideosLiteError(Exception):
    """Base class of every error raised by this SDK."""


class APIError(OpenAIVideosLiteError):
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
    """The API answered with a non-success (4xx or 5xx) status code."""

    response: httpx.Response
    status_code: int
    request_id: str | None

    def __init__(self, message: str, *, response: httpx.Response, body: object | None) -> None:
        super().__init__(message, response.request, body=body)
        self.response = response
        self.status_code = response.status_code
        self.request_id = response.headers.get("x-request-id")


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


def make_status_error(message: str, *, response: httpx.Response, body: object | None) -> APIStatusError:
    status = response.status_code
    cls = _STATUS_ERRORS.get(status)
    if cls is None:
        cls = InternalServerError if status >= 500 else APIStatusError
    return cls(message, response=response, body=body)
