"""One operation of the neutral model as a TypeScript method: its name, arguments, request spec and return type."""

from __future__ import annotations

from generator import model
from generator.config import Target
from generator.load.kinds import PLACEHOLDER
from generator.targets.typescript import naming
from generator.targets.typescript.shapes import TsOperation, TsPage, TsParam, TsPathParam
from generator.targets.typescript.syntax import escape_char, string
from generator.targets.typescript.types import TypeNames


class OperationPlanner:
    def __init__(self, api: model.Api, target: Target, types: TypeNames, taken: set[str]) -> None:
        self.api = api
        self.target = target
        self.types = types
        self.taken = taken  # every exported type name, shared with the schemas

    def operation(self, op: model.Operation, resource: str, method: str, config_key: str) -> TsOperation:
        locals_taken: set[str] = set()
        path_params = tuple(self._path_param(p, locals_taken) for p in self._path_params(op))
        params = self._params(op)
        params_type = ""
        if params:
            wanted = naming.pascal(naming.singular(resource)) + naming.pascal(method) + "Params"
            params_type = naming.unique(wanted, self.taken)
        simple = _simple(params, op.body)
        body = op.body
        return TsOperation(
            method=method,
            config_key=config_key,
            http=op.http_method,
            path=_path_expression(op.path, path_params),
            wire_path=op.path,
            path_params=path_params,
            params=params,
            params_type=params_type,
            params_required=any(p.required for p in params) or bool(body and body.whole and body.required),
            params_omittable=simple and body is not None and not body.required and bool(params)
            and all(p.location == "body" for p in params),
            locations_const="" if simple else naming.snake(method).upper() + "_LOCATIONS",
            body_encoding=body.encoding if body else "",
            content_type=body.content_type if body else "",
            part_types=body.part_types if body else (),
            returns=self._returns(op),
            parse_as=_parse_as(op.response.kind),
            response=op.response,
            page=self._page(op, config_key, method),
            fixed_query=op.fixed_query,
            doc=_doc(op),
            deprecated=op.deprecated,
            stream_event=self.types.ts(op.stream.event_type) if op.stream else "",
            stream_param=op.stream.param if op.stream else "",
            security=op.security,
            empty_body=bool(body and body.required and not body.whole and body.encoding == "json"),
            example_required=_example_required(body),
        )

    def _path_params(self, op: model.Operation) -> list[model.Param]:
        by_wire = {p.wire_name: p for p in op.params if p.location == "path"}
        ordered = [by_wire[name] for name in dict.fromkeys(PLACEHOLDER.findall(op.path)) if name in by_wire]
        return ordered

    def _path_param(self, param: model.Param, taken: set[str]) -> TsPathParam:
        local = naming.unique(naming.local_name(param.wire_name), taken)
        plain = model.unaliased(param.type, lambda i: self.api.schemas[i].alias_of)
        scalar = isinstance(plain, model.Scalar) and plain.kind in ("string", "integer", "number")
        literal_ok = isinstance(plain, model.Literal) and all(
            isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in plain.values)
        ts = self.types.ts(param.type) if scalar or literal_ok else "string"
        return TsPathParam(local, param.wire_name, ts, param.example, param.description)

    def _params(self, op: model.Operation) -> tuple[TsParam, ...]:
        found = [p for p in op.params if p.location in ("query", "header", "cookie")]
        if op.body:
            found += list(op.body.params)
        keys: set[str] = set()
        out = []
        for p in found:
            location = "whole" if op.body and op.body.whole and p.location == "body" else p.location
            required = p.required and (op.body.required if op.body and p.location == "body" else True)
            uploads = bool(op.body and p.location == "body" and op.body.encoding in ("multipart", "binary"))
            out.append(TsParam(
                key=naming.unique(p.wire_name, keys), wire=p.wire_name, location=location,
                members=tuple(self.types.members(p.type, request=uploads)), required=required,
                description=p.description, deprecated=p.deprecated, type=p.type, example=p.example, uploads=uploads,
                query_style=self._query_style(p) if p.location == "query" else None,
            ))
        return tuple(out)

    def _query_style(self, param: model.Param) -> tuple[str, bool] | None:
        """The parameter's OpenAPI style where the query string's default (arrays repeated, objects as ``key[sub]``,
        which is ``deepObject``) writes it otherwise: a form object that may be an object, any other array style."""
        style = param.style or "form"
        if style == "form" and param.explode:
            return ("form", True) if self._may_be_object(param.type) else None
        return (style, param.explode) if style in ("form", "spaceDelimited", "pipeDelimited") else None

    def _may_be_object(self, expr: model.TypeExpr) -> bool:
        plain = model.unaliased(expr, lambda i: self.api.schemas[i].alias_of)
        if isinstance(plain, model.Nullable):
            return self._may_be_object(plain.inner)
        if isinstance(plain, model.Union):
            return any(self._may_be_object(item) for item in plain.items)
        return isinstance(plain, (model.Ref, model.MapOf, model.Any))

    def _returns(self, op: model.Operation) -> str:
        response = op.response
        if response.kind == "binary":
            return "Response"
        if response.kind == "text":
            return "string"
        if response.kind == "none":
            return "void"
        inner = self.types.ts(response.type) if response.type is not None else "unknown"
        if response.kind == "sse":
            return f"Stream<{inner}>"
        return inner

    def _page(self, op: model.Operation, config_key: str, method: str) -> TsPage | None:
        config = self.target.pagination.get(config_key)
        if config is None or op.response.kind != "json":
            return None
        return TsPage(
            const=naming.snake(method).upper() + "_PAGE", items=config.items, cursor_param=config.cursor_param,
            cursor_source=config.cursor_source, has_more=config.has_more, item=self._item_type(op, config.items),
        )

    def _item_type(self, op: model.Operation, items: str) -> str:
        expr = op.response.type
        for part in items.split("."):
            expr = model.unaliased(expr, lambda i: self.api.schemas[i].alias_of) if expr is not None else None
            if not isinstance(expr, model.Ref):
                return "unknown"
            props = {p.wire_name: p.type for p in self.api.schemas[expr.id].properties}
            expr = props.get(part)
        if isinstance(expr, model.Nullable):
            expr = expr.inner
        return self.types.ts(expr.item) if isinstance(expr, model.ListOf) else "unknown"


def _doc(op: model.Operation) -> tuple[str, ...]:
    """The JSDoc paragraphs: summary, description, and the request body's description."""
    texts = (op.summary, op.description if op.description != op.summary else "", op.body.description if op.body else "")
    return tuple(dict.fromkeys(t for t in texts if t))


def _simple(params: tuple[TsParam, ...], body: model.Body | None) -> bool:
    """True when the params object is sent as it is: all query, or all body fields of an object body."""
    locations = {p.location for p in params}
    renamed = any(p.key != p.wire or p.query_style for p in params)  # a styled query value is written by `split`
    return not renamed and (locations <= {"query"} or (locations == {"body"} and body is not None))


def _example_required(body: model.Body | None) -> tuple[str, ...]:
    """The optional body fields an example call still sends: the body's choice (anyOf sets), and with them the fields
    the body requires when it is sent (an optional body's required fields are optional parameters)."""
    if body is None or not body.example_required:
        return ()
    return tuple(dict.fromkeys((*body.example_required, *(p.wire_name for p in body.params if p.required))))


def _parse_as(kind: str) -> str:
    return {"binary": "response", "text": "text", "sse": "stream"}.get(kind, "json")


def _path_expression(wire_path: str, params: tuple[TsPathParam, ...]) -> str:
    """A `path` tagged template: placeholders become encoded parameters; the literal text cannot end the template."""
    by_wire = {p.wire: p.local for p in params}
    pieces = []
    last = 0
    has_param = False
    for match in PLACEHOLDER.finditer(wire_path):
        if match.group(1) not in by_wire:
            continue
        pieces.append(_template_text(wire_path[last:match.start()]))
        pieces.append("${" + by_wire[match.group(1)] + "}")
        last = match.end()
        has_param = True
    if not has_param:
        return string(wire_path)
    pieces.append(_template_text(wire_path[last:]))
    return "path`" + "".join(pieces) + "`"


def _template_text(text: str) -> str:
    """Literal text of a template: escaped like a string literal, plus the backtick and ``${``."""
    return "".join("\\`" if c == "`" else "\\$" if c == "$" else escape_char(c) for c in text)
