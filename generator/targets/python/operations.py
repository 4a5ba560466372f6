"""Neutral operations -> resource methods: parameter names, the signature, annotations and what the call sends."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from generator import model
from generator.targets.python import naming
from generator.targets.python.annotations import annotation
from generator.targets.python.docs import docstring, one_line
from generator.targets.python.expressions import (
    AnyType,
    ListOf,
    LiteralOf,
    MapOf,
    Named,
    Nullable,
    Primitive,
    TupleOf,
    UnionOf,
)
from generator.targets.python.features import pagination
from generator.targets.python.models import ModelPlanner
from generator.targets.python.shapes import PyBody, PyOperation, PyParam, PyResponse, PyStreamVariant
from generator.targets.python.signatures import call_fields, example_source, return_annotations, signature_order


class OperationPlanner:
    def __init__(self, models: ModelPlanner, target: Any, source: str, names: list[tuple[str, str]]) -> None:
        self.source = source
        self.models = models
        self.target = target
        self.names = names

    def operation(self, index: int, op: model.Operation) -> PyOperation:
        resource, method = self.names[index]
        taken: set[str] = set()
        params = [self._param(p, taken) for p in op.params]
        body = self._body(op.body, {p.py_name for p in params})
        response = self._response(op.response)
        paging = pagination(self.models, self.target, self.source, f"{resource}.{method}", op.response, response, op.pointer)
        signature = signature_order(params, body)
        sync_return, async_return = return_annotations(response, paging)
        cast_to = self._cast_to(response)
        stream = self._stream(op.stream, body, response)
        if stream is not None:
            # the generated tests check the parsed (non-streaming) result: their calls pass stream=False
            signature = tuple(replace(p, example="False") if p.py_name == stream.param else p for p in signature)
            sync_return = f"Union[{stream.plain_annotation}, {stream.sync_annotation}]"
            async_return = f"Union[{stream.plain_annotation}, {stream.async_annotation}]"
        return PyOperation(
            resource=resource,
            method=method,
            operation_id=op.operation_id,
            http_method=op.http_method,
            path=op.path,
            summary=one_line(op.summary or op.description),
            doc=_doc(op, signature),
            params=signature,
            body=body,
            response=response,
            cast_to=cast_to if stream is None else f"cast(Any, {stream.sync_annotation} if {stream.param} is True else {cast_to})",
            return_annotation=sync_return,
            async_cast_to=cast_to.replace("BinaryAPIResponse", "AsyncBinaryAPIResponse")
            if stream is None
            else f"cast(Any, {stream.async_annotation} if {stream.param} is True else {cast_to})",
            async_return_annotation=async_return,
            needs_return_cast=cast_to.startswith("cast(") or stream is not None,
            no_prism=NO_PRISM if response.content_type == "text/event-stream" else "",
            stream=stream,
            deprecated=op.deprecated,
            pagination=paging,
            security=op.security,
            **call_fields(op, params, signature, body, response),
        )

    def _param(self, p: model.Param, taken: set[str]) -> PyParam:
        t = self.models.py(p.type)
        ann = annotation(t)
        return PyParam(
            py_name=naming.unique(naming.param_name(p.wire_name), taken),
            wire_name=p.wire_name,
            location=p.location,
            type=t,
            annotation=ann if p.required else f"{ann} | NotGiven",
            required=p.required,
            doc=docstring(p.description),
            style=p.style,
            explode=p.explode,
            default=None if p.required else "NOT_GIVEN",
            deprecated=p.deprecated,
            example=example_source(p.example),
        )

    def _body(self, body: model.Body | None, taken_names: set[str]) -> PyBody | None:
        if body is None:
            return None
        taken = set(taken_names)
        params = tuple(self._param(p, taken) for p in body.params)
        return PyBody(
            body.content_type, body.encoding, params, whole=body.whole, required=body.required,
            file_fields=body.file_fields, part_styles=body.part_styles, part_types=body.part_types,
            example_required=body.example_required,
        )

    def _response(self, r: model.Response) -> PyResponse:
        if r.kind == "none":
            return PyResponse(r.status, r.content_type, "none", None, "None")
        if r.kind == "binary":
            return PyResponse(r.status, r.content_type, "binary", None, "BinaryAPIResponse", accept=r.accept)
        assert r.type is not None
        t = self.models.py(r.type)
        if r.kind == "text":
            return PyResponse(r.status, r.content_type, "text", t, "str", accept=r.accept)
        model_class = t.name if isinstance(t, Named) and self.is_model_class(t) else ""
        # the method returns the plain union; its pydantic discriminator (``Annotated``) only steers parsing
        plain = model.unaliased(r.type, self.models.alias_of)  # an alias of any value (opensearch's TDocument) too
        may_be_null = isinstance(t, (Nullable, AnyType)) or isinstance(plain, (model.Nullable, model.Any))
        return PyResponse(r.status, r.content_type, "json", t, annotation(_undiscriminated(t)), r.example, model_class,
                          may_be_null=may_be_null)

    def is_model_class(self, t: Any) -> bool:
        return isinstance(t, Named) and self.models.kind_of(t) == "model"

    def _stream(self, stream: model.StreamVariant | None, body: PyBody | None, response: PyResponse) -> PyStreamVariant | None:
        if stream is None or body is None:
            return None
        flag = next(p for p in body.params if p.wire_name == stream.param)
        event = self.models.py(stream.event_type)
        event_ann = annotation(event)
        return PyStreamVariant(
            param=flag.py_name, event_type=event, event_annotation=event_ann, sync_annotation=f"Stream[{event_ann}]",
            async_annotation=f"AsyncStream[{event_ann}]", plain_annotation=response.annotation,
        )

    def _cast_to(self, response: PyResponse) -> str:
        if response.kind == "none":
            return "type(None)"
        if response.kind == "binary":
            return "BinaryAPIResponse"
        if self.is_model_class(response.type):
            return response.annotation
        if isinstance(response.type, Primitive) and response.type.py in ("str", "int", "float", "bool", "bytes"):
            return response.annotation
        return f"cast(Any, {annotation(response.type) if response.type is not None else response.annotation})"


NO_PRISM = "Prism cannot mock a text/event-stream response (it answers 500): in-process tests only"


def _doc(op: model.Operation, params: tuple[PyParam, ...]) -> str:
    parts = [op.summary, op.description]
    text = "\n\n".join(p.strip() for p in parts if p and p.strip())
    if op.summary and op.description and op.description.strip().startswith(op.summary.strip()):
        text = op.description.strip()
    body = (op.body.description if op.body else "").strip()
    if body and body not in text:
        text += ("\n\n" if text else "") + body
    arg_lines = [f"  {p.py_name}: {p.doc}".rstrip() for p in params if p.doc]
    if arg_lines:
        text += ("\n\n" if text else "") + "Args:\n" + "\n\n".join(arg_lines)
    return docstring(text)


def _undiscriminated(t: Any) -> Any:
    """``t`` without pydantic discriminators (``Annotated[..., FieldInfo(...)]`` is no type mypy accepts in ``cast``
    or a return), at any depth: ``List[Annotated[Union[...], ...]]`` too."""
    if isinstance(t, Nullable):
        return Nullable(_undiscriminated(t.inner))
    if isinstance(t, ListOf):
        return ListOf(_undiscriminated(t.item))
    if isinstance(t, MapOf):
        return MapOf(_undiscriminated(t.value))
    if isinstance(t, TupleOf):
        return TupleOf(tuple(_undiscriminated(item) for item in t.items))
    if isinstance(t, LiteralOf) and any(isinstance(v, float) for v in t.values):
        return Primitive("float")  # its ``Annotated[float, one_of(...)]`` is no type in a cast either
    return replace(t, tag_field="") if isinstance(t, UnionOf) and t.tag_field else t

