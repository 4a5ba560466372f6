"""Responses -> the neutral response of an operation: its status, content kind, type and example; SSE variants."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from generator.model import Any as AnyType
from generator.model import Body, Name, Nullable, Ref, Response, Scalar, StreamVariant, TypeExpr
from generator.parse.bodies import Bodies
from generator.parse.examples import jsonable
from generator.pointer import escape


class Responses(Bodies):
    def _response(self, op: Any, ptr: str, context: Name, http: str) -> Response:
        responses = op.responses or {}
        if http == "head":  # a HEAD response never has a body, whatever content the spec declares
            return Response(success_status(responses) or "", None, "none", None)
        status = success_status(responses)
        if status is None:
            self.warnings.append(f"{ptr}: no success response; the method returns None")
            return Response("", None, "none", None)
        response, resp_ptr = self.resolve(responses[status], f"{ptr}/responses/{status}", "Response")
        if not response.content:
            return Response(status, None, "none", None)
        content_type, media = pick_response_content(response.content)
        kind = response_kind(content_type)
        accept = tuple(response.content)
        if kind == "binary":
            return Response(status, content_type, "binary", None, accept=accept)
        if kind == "sse":
            self.warnings.append(f"{ptr}: text/event-stream responses are returned as text")
        if kind in ("text", "sse"):
            return Response(status, content_type, "text", Scalar("string"), accept=accept)
        media_ptr = f"{resp_ptr}/content/{escape(content_type)}"
        t = self.type_of(media.media_type_schema, media_ptr + "/schema", context + ("Response",), "response")
        example = self.examples.response_json(media, media_ptr)
        least = json.dumps(jsonable(self.examples.value(media.media_type_schema, media_ptr + "/schema")), sort_keys=True)
        if not isinstance(t, (Nullable, AnyType)) and self._declares_empty_success(responses, status):
            t = Nullable(t)  # a 204 (or another 2xx without content) is declared too: the method returns None for it
        return Response(status, content_type, "json", t, example, least=least)

    def _declares_empty_success(self, responses: Mapping[str, Any], chosen: str) -> bool:
        """Whether a 2xx response other than ``chosen`` has no content (the usual case: a 204 beside a 200)."""
        for code, ref in responses.items():
            code = str(code)
            if code == chosen or not (code.startswith("2") or code == "2XX"):
                continue
            resolved, _ = self.resolve(ref, "", "Response")
            if not getattr(resolved, "content", None):
                return True
        return False

    def is_object(self, t: TypeExpr | None) -> bool:
        """A reference to an object schema (one a response parses into a class)."""
        if not isinstance(t, Ref):
            return False
        built = self.built(t.id)
        return built is not None and built.kind == "object"

    def _stream_variant(self, op: Any, ptr: str, context: Name, response: Response, body: Body | None) -> StreamVariant | None:
        """A JSON response that the spec also declares as ``text/event-stream``, selected by a boolean ``stream``
        body field: asking for a stream returns events of the SSE schema's type."""
        if response.kind != "json" or not self.is_object(response.type) or body is None or body.whole:
            return None
        flag = next((p for p in body.params if p.wire_name == "stream"), None)
        flag_type = flag.type.inner if flag is not None and isinstance(flag.type, Nullable) else (flag.type if flag else None)
        if flag is None or flag.required or not (isinstance(flag_type, Scalar) and flag_type.kind == "boolean"):
            return None
        resolved, resp_ptr = self.resolve((op.responses or {})[response.status], f"{ptr}/responses/{response.status}",
                                         "Response")
        media = (resolved.content or {}).get("text/event-stream")
        if media is None or media.media_type_schema is None:
            return None
        media_ptr = f"{resp_ptr}/content/{escape('text/event-stream')}/schema"
        event = self.type_of(media.media_type_schema, media_ptr, context + ("StreamEvent",), "response")
        return StreamVariant(param=flag.wire_name, event_type=event)


def pick_response_content(content: Mapping[str, Any]) -> tuple[str, Any]:
    for name, media in content.items():
        if name == "application/json" or name.endswith("+json"):
            return name, media
    name = next(iter(content))
    return name, content[name]


def response_kind(content_type: str) -> str:
    if content_type == "application/json" or content_type.endswith("+json"):
        return "json"
    if content_type == "text/event-stream":
        return "sse"
    if content_type.startswith("text/"):
        return "text"
    return "binary"


def success_status(responses: Mapping[str, Any]) -> str | None:
    codes = sorted(str(c) for c in responses)
    for code in codes:
        if code.startswith("2"):
            return code
    return "default" if "default" in responses and not codes[:-1] else None
