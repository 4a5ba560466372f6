"""src/resources/<name>.ts: one class per resource, a method per operation, its params interfaces and constants."""

from __future__ import annotations

import re

from generator.targets.typescript import naming
from generator.targets.typescript.imports import import_lines
from generator.targets.typescript.layout import annotation
from generator.targets.typescript.shapes import TsOperation, TsParam, TsPolling, TsResource
from generator.targets.typescript.syntax import (
    INDENT,
    call,
    fits,
    jsdoc,
    literal,
    obj,
    requirement,
    string,
)
from generator.targets.typescript.types import property_lines

_METHOD_INDENT = INDENT * 2
_HTTP = ("get", "post", "put", "patch", "delete")


def render_resource(resource: TsResource, type_names: set[str]) -> str:
    used: set[str] = {"APIResource", "RequestOptions"}
    consts: list[str] = []
    methods: list[str] = []
    for op in resource.operations:
        consts += _constants(op)
        methods += [""] + _method(op, used)
    if resource.polling:
        consts += _poll_constant(resource.polling)
        methods += [""] + _poll_methods(resource.polling, used)
    interfaces: list[str] = []
    for op in resource.operations:
        if op.params_type:
            interfaces += [""] + _params_interface(op)
    code = _code_only("\n".join(consts + ["extends APIResource"] + methods + interfaces))
    tokens = set(_WORD.findall(code))
    # `path` is also a key of request specs: the tag is imported when a method uses it
    tokens = (tokens - {"path"}) | (used & {"path"})
    core = sorted(name for name in _CORE_VALUES | _CORE_TYPES if name in tokens)
    helpers = sorted(name for name in ("Locations", "split", "formBody") if name in tokens)
    referenced = sorted(tokens & type_names)
    lines = [f"/** The {resource.name} resource: {len(resource.operations)} operation(s) of the API. */", ""]
    lines += import_lines([(n, n not in _CORE_VALUES) for n in core], "../core/index.js")
    if helpers:
        lines += import_lines([(n, n == "Locations") for n in helpers], "../internal/params.js")
    if referenced:
        lines += import_lines([(n, True) for n in referenced], "../types.js", type_only=True)
    lines += consts and [""] + _spaced(consts)
    lines += ["", f"export class {resource.class_name} extends APIResource {{"] + methods[1:] + ["}"]
    return "\n".join(lines + interfaces) + "\n"


_CORE_VALUES = {"APIResource", "path"}
_CORE_TYPES = {"APIPromise", "CursorPage", "CursorPageConfig", "HTTPMethod", "PagePromise", "PollConfig",
               "PollOptions", "RequestOptions", "Stream", "Uploadable"}


_COMMENT = re.compile(r"^\s*(/\*\*|\*).*$", re.MULTILINE)
_LITERAL = re.compile(r"'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|`(?:[^`\\]|\\.)*`")
_WORD = re.compile(r"(?<![\w$.])[A-Za-z_$][\w$]*")
_KEY = re.compile(r"^(\s*)(?:[\w$]+|\[[^\]]*\])\??:", re.MULTILINE)


def _code_only(text: str) -> str:
    """The text without comments, string literals and property keys: what may name a type."""
    return _KEY.sub(r"\1", _LITERAL.sub("''", _COMMENT.sub("", text)))


def _spaced(blocks: list[str]) -> list[str]:
    """Constants separated by blank lines (each constant ends with its ``};`` line)."""
    out: list[str] = []
    for line in blocks:
        out.append(line)
        if line in ("};", "];") or (line.startswith("const ") and line.endswith("];")):
            out.append("")
    return out[:-1] if out and out[-1] == "" else out


def _constants(op: TsOperation) -> list[str]:
    out: list[str] = []
    if op.locations_const:
        rows = [f"[{string(p.key)}, {string(p.location)}, {string(p.wire)}{_style_entries(p)}]" for p in op.params]
        one = f"const {op.locations_const}: Locations = [{rows[0]}];"
        if len(rows) == 1 and fits(one):
            out.append(one)
        else:  # biome puts each of several arrays on its own line
            out += [f"const {op.locations_const}: Locations = ["] + [f"{INDENT}{row}," for row in rows] + ["];"]
    if op.page:
        out.append(f"const {op.page.const}: CursorPageConfig = {{")
        out += [f"{INDENT}items: {string(op.page.items)},", f"{INDENT}cursorParam: {string(op.page.cursor_param)},",
                f"{INDENT}cursorSource: {string(op.page.cursor_source)},"]
        if op.page.has_more:
            out.append(f"{INDENT}hasMore: {string(op.page.has_more)},")
        out.append("};")
    return out


def _object_key(key: str) -> str:
    """A key of an object literal: ``__proto__`` computed, so it defines a property instead of the prototype."""
    return "['__proto__']" if key == "__proto__" else naming.property_key(key)


def _member(name: str) -> str:
    return f".{name}" if naming.IDENTIFIER.fullmatch(name) else f"[{string(name)}]"


def _signature(op: TsOperation, params_type: str, returns: str, tail: str, *, required: bool | None = None) -> list[str]:
    """The method's head; an overload (``tail`` ";") has no initializers, so optional params take ``?``."""
    args = [f"{p.local}: {p.ts}" for p in op.path_params]
    required = op.params_required if required is None else required
    if op.params_type:
        if required:
            args.append(f"params: {params_type}")
        else:
            omit = tail == ";" or op.params_omittable  # an optional body left out is not sent as {}
            args.append(f"params?: {params_type}" if omit else f"params: {params_type} = {_empty(op)}")
    args.append("options?: RequestOptions")
    lines = call(op.method, args, f": {returns}{tail}", INDENT)
    if len(lines) == 1:
        return lines
    opened = []
    for line in lines[1:-1]:  # a parameter whose type is too long for its line, broken as biome breaks it
        name, _, type_text = line.strip().partition(": ")
        fitting = fits(line) or not type_text.endswith(",") or " = " in type_text
        opened += [line] if fitting else annotation(f"{INDENT * 2}{name}: ", type_text[:-1], ",", INDENT * 2)
    lines = lines[:1] + opened + lines[-1:]
    if not fits(lines[-1]):  # the return type broken as biome breaks it
        lines[-1:] = annotation(f"{INDENT}): ", returns, tail, INDENT)
    return lines


def _empty(op: TsOperation) -> str:
    """``{}``, cast when a key such as ``constructor`` makes TypeScript see a conflict with Object's own member."""
    clash = any(p.key in naming.OBJECT_MEMBERS for p in op.params)
    return f"{{}} as {op.params_type}" if clash else "{}"


def _method(op: TsOperation, used: set[str]) -> list[str]:
    lines = jsdoc("\n\n".join(op.doc), INDENT, deprecated=op.deprecated)
    if op.page:
        used |= {"PagePromise", "CursorPage"}
        returns = f"PagePromise<CursorPage<{op.page.item}>, {op.page.item}>"
    else:
        used.add("APIPromise")
        returns = f"APIPromise<{op.returns}>"
    if op.stream_event:
        used.add("Stream")
        key = _member(op.stream_param)
        streamed = f"APIPromise<Stream<{op.stream_event}>>"
        both = f"APIPromise<{op.returns} | Stream<{op.stream_event}>>"
        lines += _signature(op, f"{op.params_type} & {{ {_object_key(op.stream_param)}: true }}", streamed, ";",
                            required=True)
        lines += _signature(op, f"{op.params_type} & {{ {_object_key(op.stream_param)}?: false }}", returns, ";")
        lines += _signature(op, op.params_type, both, ";")
        lines += _signature(op, op.params_type, both, " {")
        flag = f"params?.{key.removeprefix('.')}" if op.params_omittable else f"params{key}"
        return lines + _body(op, used, f"{flag} ? 'stream' : 'json'") + [f"{INDENT}}}"]
    lines += _signature(op, op.params_type, returns, " {")
    return lines + _body(op, used, "") + [f"{INDENT}}}"]


def _body(op: TsOperation, used: set[str], parse_as: str) -> list[str]:
    if op.path.startswith("path`"):
        used.add("path")
    entries, preamble = _spec_entries(op, used)
    if op.security is not None:  # the operation's own requirement (the client's default otherwise)
        entries.append(requirement(op.security, _METHOD_INDENT + INDENT * 2))
    accept = _accept(op)
    if accept:  # the runtime asks for JSON unless told otherwise
        header = f"accept: {string(accept)}"
        entries = [f"headers: {{ {header}, ...headers }}" if e == "headers" else e for e in entries]
        if not any(e.startswith("headers") for e in entries):
            entries.append(f"headers: {{ {header} }}")
    if parse_as:
        entries.append(f"parseAs: {parse_as}")
    elif op.parse_as != "json":
        entries.append(f"parseAs: {string(op.parse_as)}")
    if op.page:
        head = f"return this._client.getAPIList<{op.page.item}>"
        method = [] if op.http == "get" else [f"method: {string(op.http)}"]
        args = [op.path, op.page.const, obj(entries + method), "options"]
    elif op.http in _HTTP:
        head, args = f"return this._client.{op.http}", [op.path, obj(entries), "options"]
    else:
        used.add("HTTPMethod")
        spec = obj([f"method: {string(op.http)} as HTTPMethod", f"path: {op.path}"] + entries)
        head, args = "return this._client.request", [spec, "options"]
    lines = call(head, args, ";", _METHOD_INDENT)
    spec_line = f"{_METHOD_INDENT}{INDENT}{obj(entries)},"
    if len(lines) > 1 and entries and spec_line in lines and not fits(spec_line):  # biome expands the spec object
        at = lines.index(spec_line)
        inner = _METHOD_INDENT + INDENT * 2
        expanded = [line for e in entries for line in f"{inner}{e},".replace("\n", "\n" + inner).split("\n")]
        lines[at:at + 1] = [f"{_METHOD_INDENT}{INDENT}{{"] + expanded + [f"{_METHOD_INDENT}{INDENT}}},"]
    return preamble + lines


def _accept(op: TsOperation) -> str:
    if op.response.kind not in ("binary", "text"):
        return ""
    return ", ".join(op.response.accept) or op.response.content_type or "*/*"


def _style_entries(param: TsParam) -> str:
    if param.query_style is None:
        return ""
    style, explode = param.query_style
    return f", {string(style)}, {'true' if explode else 'false'}"


def _spec_entries(op: TsOperation, used: set[str]) -> tuple[list[str], list[str]]:
    fixed = [f"{_object_key(k)}: {string(v)}" for k, v in op.fixed_query]
    locations = {p.location for p in op.params}
    if not op.params:
        return ([f"query: {obj(fixed)}"] if fixed else []), []
    if not op.locations_const:
        if locations <= {"query"}:
            return [f"query: {obj(fixed + ['...params'])}"], []
        return _body_entries(op, "params", used), []
    used |= {"split", "Locations"}
    names = [n for n, present in (("query", "query" in locations), ("headers", "header" in locations),
                                  ("cookies", "cookie" in locations),
                                  ("body", bool(locations & {"body", "whole"}))) if present]
    preamble = [f"{_METHOD_INDENT}const {{ {', '.join(names)} }} = split(params, {op.locations_const});"]
    entries = []
    if "query" in names:
        entries.append(f"query: {obj(fixed + ['...query'])}" if fixed else "query")
    elif fixed:
        entries.append(f"query: {obj(fixed)}")
    if "headers" in names:
        entries.append("headers")
    if "cookies" in names:
        entries.append("cookies")
    if "body" in names:
        entries += _body_entries(op, "body", used)
    return entries, preamble


def _body_entries(op: TsOperation, value: str, used: set[str]) -> list[str]:
    shorthand = value == "body"
    if op.body_encoding == "multipart":
        types = [f"{naming.property_key(name)}: {string(kind)}" for name, kind in op.part_types]
        return ["body" if shorthand else f"body: {value}", "bodyKind: 'multipart'"] + ([f"partTypes: {obj(types)}"] if types else [])
    if op.body_encoding == "form":
        used.add("formBody")
        return [f"body: formBody({value})", "bodyKind: 'raw'", f"contentType: {string(op.content_type)}"]
    if op.body_encoding in ("binary", "text"):
        return ["body" if shorthand else f"body: {value}", "bodyKind: 'raw'", f"contentType: {string(op.content_type)}"]
    entries = ["body" if shorthand else f"body: {value}"]
    if shorthand and op.empty_body:  # split() leaves out a body none of whose fields was given
        entries = ["body: body ?? {}"]
    if op.content_type and op.content_type != "application/json":
        entries.append(f"contentType: {string(op.content_type)}")
    return entries


def _params_interface(op: TsOperation) -> list[str]:
    lines = [f"export interface {op.params_type} {{"]
    for p in op.params:
        lines += property_lines(p.key, p.required, list(p.members), p.description, p.deprecated, INDENT)
    return lines + ["}"] if len(lines) > 1 else [f"export interface {op.params_type} {{}}"]


def _poll_constant(poll: TsPolling) -> list[str]:
    pending = "[" + ", ".join(string(s) for s in poll.pending) + "]"
    out = [f"const {poll.const}: PollConfig = {{", f"{INDENT}statusField: {string(poll.status_field)},"]
    out.append(f"{INDENT}pending: {pending},")
    if poll.interval_header:
        out.append(f"{INDENT}intervalHeader: {string(poll.interval_header)},")
    return out + [f"{INDENT}defaultIntervalMs: {literal(poll.default_interval_ms)},", "};"]


def _poll_methods(poll: TsPolling, used: set[str]) -> list[str]:
    used |= {"PollConfig", "PollOptions"}
    retrieve = poll.retrieve
    result = retrieve.returns
    pending = ", ".join(poll.pending)
    lines = jsdoc(f"Retrieves it again until its {poll.status_field} is no longer pending ({pending}).", INDENT)
    args = [f"{p.local}: {p.ts}" for p in retrieve.path_params] + ["options?: RequestOptions & PollOptions"]
    lines += call(poll.poll_method, args, f": Promise<{result}> {{", INDENT)
    call_args = [p.local for p in retrieve.path_params] + (["{}"] if retrieve.params_type else []) + ["options"]
    retrieve_call = f"() => this.{retrieve.method}({', '.join(call_args)})"
    lines += call("return this._client.poll", [retrieve_call, poll.const, "options"], ";", _METHOD_INDENT)
    lines.append(f"{INDENT}}}")
    create = poll.create
    if create is None or create.returns != result or create.stream_event or create.page:
        return lines
    lines += [""] + jsdoc(f"Calls {create.method}, then {poll.poll_method} until the result is ready.", INDENT)
    args = [f"{p.local}: {p.ts}" for p in create.path_params]
    if create.params_type:
        if create.params_required or create.params_omittable:
            args.append(f"params{'' if create.params_required else '?'}: {create.params_type}")
        else:
            args.append(f"params: {create.params_type} = {_empty(create)}")
    args.append("options?: RequestOptions & PollOptions")
    lines += call(poll.create_method, args, f": Promise<{result}> {{", INDENT)
    create_args = [p.local for p in create.path_params] + (["params"] if create.params_type else []) + ["options"]
    then = f"(created) => this.{poll.poll_method}(created{_member(poll.id_field)}, options)"
    head = f"return this.{create.method}({', '.join(create_args)}).then"
    lines += call(head, [then], ";", _METHOD_INDENT)
    return lines + [f"{INDENT}}}"]
