"""Error responses (SF210-SF213): secured operations declare 401 and 403; every operation declares 429 and when to
retry."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from generator import pointer
from generator.validate.owasp.operations import resolved

if TYPE_CHECKING:
    from generator.validate.context import DocChecker
    from generator.validate.owasp.operations import Operation


def check_responses(ops: Iterable[Operation]) -> None:
    for op in ops:
        responses = op.op.get("responses")
        if not isinstance(responses, dict):
            continue
        ptr = pointer.child(op.ptr, "responses")
        codes = {str(code): code for code in responses}  # an unquoted status code (SF017) counts as written
        if op.secured:
            for code, rule, meaning in (("401", "SF210", "unauthenticated"), ("403", "SF211", "forbidden")):
                if code not in codes:
                    op.checker.report(rule, f"{op.label} requires authentication but declares no {code} "
                                            f"({meaning}) response", ptr)
        if "429" not in codes:
            op.checker.report("SF212", f"{op.label} declares no 429 (too many requests) response", ptr)
            continue
        rchecker, rptr, response = resolved(op.checker, pointer.child(ptr, "429"), responses[codes["429"]])
        if isinstance(response, dict) and "$ref" not in response:  # an unresolvable `$ref` is the refs rules'
            _too_many_requests(rchecker, response, rptr)


def _too_many_requests(checker: DocChecker, response: dict[str, Any], ptr: str) -> None:
    """One 429 response, where it is written (a shared one is reported once)."""
    if not response.get("content"):
        checker.report("SF212", "the 429 response has no `content` (the error body clients receive)", ptr)
    headers = response.get("headers")
    names = {str(name).lower() for name in headers} if isinstance(headers, dict) else set()
    if "retry-after" not in names:
        checker.report("SF213", "the 429 response declares no `Retry-After` header",
                       pointer.child(ptr, "headers") if isinstance(headers, dict) else ptr)
