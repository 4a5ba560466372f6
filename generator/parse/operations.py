"""Path items -> neutral operations: which are selected, their parameters, body, response and security."""

from __future__ import annotations

import functools
from typing import Any
from urllib.parse import parse_qsl

from generator.load.kinds import METHODS, PLACEHOLDER
from generator.model import Name, Operation, OperationName, Param, Scalar, Word
from generator.parse.examples import example_data, route_default
from generator.parse.predicates import types
from generator.parse.responses import Responses
from generator.parse.units import Units
from generator.pointer import escape

# The extensions that name an operation's SDK group (resource) and method, first found wins: ours, Fern's, Speakeasy's
SDK_NAME_EXTENSIONS = (
    ("x-sdk-group", "x-sdk-method"),
    ("x-fern-sdk-group-name", "x-fern-sdk-method-name"),
    ("x-speakeasy-group", "x-speakeasy-name-override"),
)


class Operations(Responses):
    def operations(self, units: Units) -> list[Operation]:
        """The selected operations, in path and method order, each a unit of the parse (units.py)."""
        ops: list[Operation] = []
        for path, item in sorted((self.spec.paths or {}).items()):
            path_ptr = "/paths/" + escape(path)
            for http in METHODS:
                op = getattr(item, http, None)
                if op is None or not self._selected(op, path):
                    continue
                ptr = f"{path_ptr}/{http}"
                work = functools.partial(self._operation, op, item, path, http, len(ops), ptr)
                ops.append(units.run(ptr, path_ptr, work, functools.partial(self.security.replayed, op.security, ptr)))
        return ops

    def _selected(self, op: Any, path: str) -> bool:
        inc, exc = self.target.include, self.target.exclude

        def matches(sel: Any) -> bool:
            return bool(
                set(op.tags or ()) & set(sel.tags) or path in sel.paths or (op.operationId or "") in sel.operations
            )

        return (inc.is_empty() or matches(inc)) and not (not exc.is_empty() and matches(exc))

    def _operation(self, op: Any, item: Any, path_key: str, http: str, index: int, ptr: str) -> Operation:
        context = (OperationName(index),)
        params = self._params(op, item, ptr, context, path_key)
        body = self._body(op, ptr, context)
        response = self._response(op, ptr, context, http)
        stream = self._stream_variant(op, ptr, context, response, body)
        # a path key may carry a fragment (``/cookies#exploded``, to list one path twice): never sent, so dropped
        path, hash_, fragment = path_key.partition("#")
        if hash_:
            self.warnings.append(f"{ptr}: the path's fragment '#{fragment}' is not part of the request and is not sent")
        # a path key may carry a fixed query string (``/responses/compact?beta=true``): sent as query parameters
        path, _, fixed = path.partition("?")
        sdk_group, sdk_method = self._sdk_names(op.model_extra or {}, ptr)
        return Operation(
            operation_id=op.operationId or "",
            http_method=http,
            path=path,
            path_key=path_key,
            group=(op.tags or [""])[0],
            sdk_method=sdk_method,
            summary=op.summary or "",
            description=op.description or "",
            pointer=ptr,
            params=tuple(params),
            body=body,
            response=response,
            fixed_query=tuple(parse_qsl(fixed, keep_blank_values=True)),
            stream=stream,
            deprecated=bool(op.deprecated),
            security=self.security.operation(op.security, ptr),
            sdk_group=sdk_group,
        )

    def _sdk_names(self, extra: dict[str, Any], ptr: str) -> tuple[str, str]:
        """(group, method) the spec's SDK-name extensions give (a Fern group list is nested groups: joined by dots)."""
        found = ["", ""]
        for keys in SDK_NAME_EXTENSIONS:
            for at, key in enumerate(keys):
                value = extra.get(key)
                if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
                    value = ".".join(value)
                if value is not None and not (isinstance(value, str) and value.strip()):
                    self.warnings.append(f"{ptr}/{escape(key)}: not a name (a non-empty string): ignored")
                elif value is not None and not found[at]:
                    found[at] = value
        return found[0], found[1]

    def _params(self, op: Any, item: Any, ptr: str, context: Name, path: str) -> list[Param]:
        merged: dict[tuple[str, str], tuple[Any, str]] = {}
        for source, source_ptr in ((item.parameters or [], ptr.rsplit("/", 1)[0]), (op.parameters or [], ptr)):
            for index, raw in enumerate(source):
                param, param_ptr = self.resolve(raw, f"{source_ptr}/parameters/{index}", "Parameter")
                merged[(param.name, getattr(param.param_in, "value", param.param_in))] = (param, param_ptr)
        placeholders = PLACEHOLDER.findall(path.partition("?")[0])
        out = []
        for (wire, location), (param, param_ptr) in merged.items():
            if location == "path" and wire not in placeholders:
                continue  # validate reports it (SF012): nowhere to put it, so the method does not take it
            out.append(self._param(param, wire, location, param_ptr, context))
        for wire in dict.fromkeys(placeholders):
            if (wire, "path") not in merged:  # validate reports it (SF011): the template needs it, so it is a string
                out.append(Param(wire, "path", Scalar("string"), True, style="simple", explode=False, example="string"))
        return out

    def _param(self, param: Any, wire: str, location: str, ptr: str, context: Name) -> Param:
        schema = param.param_schema
        if schema is None and param.content:
            schema = next(iter(param.content.values())).media_type_schema
        t = self.type_of(schema, ptr + "/schema", context + (Word(wire),), "request")
        resolved, _ = self.resolve(schema, ptr) if schema is not None else (None, ptr)
        style = param.style.value if getattr(param.style, "value", None) else (param.style or "")
        default_style = "simple" if location in ("path", "header") else "form"
        explode = param.explode if param.explode is not None else (style or default_style) == "form"
        return Param(
            wire,
            location,  # type: ignore[arg-type]
            t,
            bool(param.required) or location == "path",
            description=param.description or getattr(resolved, "description", None) or "",
            style=style or default_style,
            explode=bool(explode),
            deprecated=bool(param.deprecated),
            example=example_data(self._param_example(schema, ptr, self._own_example(param, ptr), location)),
        )

    def _own_example(self, param: Any, ptr: str) -> Any:
        """The parameter's ``example``, else the value of the first of its ``examples`` (okta's ``Content-Type``
        header: Prism exits on a value that is no media type, such as ``"string"``)."""
        if param.example is not None or not param.examples:
            return param.example
        name, first = next(iter(param.examples.items()))
        found, _ = self.resolve(first, f"{ptr}/examples/{escape(str(name))}", "Example")
        return getattr(found, "value", None)

    def _param_example(self, schema: Any, ptr: str, explicit: Any, location: str) -> Any:
        resolved = self.resolve(schema, ptr)[0] if schema is not None else None
        if explicit is None and location == "path":
            explicit = route_default(getattr(resolved, "default", None), getattr(resolved, "example", None)
                                     or getattr(resolved, "examples", None))
        # a path value is always sent whole: its example fills every property (an empty object is no segment)
        value = self.examples.value(schema, ptr, explicit=explicit, full=location == "path")
        untyped = resolved is None or not (types(resolved) or resolved.anyOf or resolved.oneOf or resolved.allOf
                                           or resolved.properties or resolved.additionalProperties is not None)
        if value == {} and untyped:
            return "string"  # a parameter of any type: a plain string is what a URL or header carries
        return value

