"""tests/<resource>.test.ts: per operation, a call with the required arguments and one with all of them, on an
injected fetch that records the request and answers with a response built from the model's examples."""

from __future__ import annotations

import json
import re
from urllib.parse import quote

from generator import model
from generator.targets.typescript.examples import Examples, Obj, flat, key_text, layout
from generator.targets.typescript.imports import import_lines
from generator.targets.typescript.shapes import TsApi, TsOperation, TsParam, TsResource
from generator.targets.typescript.syntax import INDENT, assigned_call, call, fits, literal, string

BASE_URL = "https://sdk.test/base"
_BODY = INDENT * 2


def render_tests(api: TsApi, resource: TsResource, examples: Examples) -> str:
    params_types = sorted({op.params_type for op in resource.operations if op.params_type})
    lines = [f"/** Every {resource.name} method called on an injected fetch: request method, path and parsed response. */",
             "", "import assert from 'node:assert/strict';", "import { describe, it } from 'node:test';", ""]
    lines += import_lines([(api.client_class, False)] + [(n, True) for n in params_types], "../src/index.js")
    uses_file = any(_uses_file(op) for op in resource.operations)
    lines += import_lines([("cannedFetch", False)] + ([("exampleFile", False)] if uses_file else []), "./helpers.js")
    responses = Obj(tuple((op.method, string(_canned(op)[0])) for op in resource.operations))
    lines += [""] + layout(responses, "const RESPONSES = ", ";", "")
    lines += ["", "function setup(body: string, contentType: string, status = 200) {",
              f"{INDENT}const {{ fetch, requests }} = cannedFetch(body, contentType, status);"]
    lines += [f"{INDENT}const client = new {api.client_class}({{"]
    lines += [f"{INDENT * 2}{c.option}: {string(c.example)}," for c in api.auth.credentials]
    lines += [f"{INDENT * 2}baseURL: {string(BASE_URL)},", f"{INDENT * 2}fetch,", f"{INDENT * 2}maxRetries: 0,",
              f"{INDENT * 2}logLevel: 'off',", f"{INDENT}}});"]
    lines += [f"{INDENT}return {{ client, requests }};", "}", "", f"describe({string(resource.name)}, () => {{"]
    cases = []
    for op in resource.operations:
        cases += [""] + _case(api, resource, op, examples, all_args=False)
        if any(not p.required for p in op.params):
            cases += [""] + _case(api, resource, op, examples, all_args=True)
    lines += cases[1:] + ["});"]
    return "\n".join(lines) + "\n"


def _uses_file(op: TsOperation) -> bool:
    return any(isinstance(t, model.File) for p in op.params for t in model.walk(p.type))


def _takes_params(op: TsOperation, all_args: bool) -> bool:
    return bool(op.params_type) and (op.params_required or all_args or bool(op.example_required))


def _sent(op: TsOperation, all_args: bool) -> list[TsParam]:
    """The params an example call sends: the required ones (and the body fields of the first of its anyOf sets of
    required names), or all."""
    chosen = [p for p in op.params if p.required or all_args or (p.location == "body" and p.wire in op.example_required)]
    return [p for p in chosen if p.key != op.stream_param]


def _case(api: TsApi, resource: TsResource, op: TsOperation, examples: Examples, *, all_args: bool) -> list[str]:
    title = f"{op.method}: {'all' if all_args else 'required'} arguments"
    _, content_type, status = _canned(op, body=False)
    lines = [f"{INDENT}it({string(title)}, async () => {{"]
    lines += call("const { client, requests } = setup", [f"RESPONSES.{op.method}", string(content_type), str(status)][
        : 3 if status != 200 else 2], ";", _BODY)
    args = [_path_value(p) for p in op.path_params]
    if _takes_params(op, all_args):
        node = Obj(tuple((key_text(p.key), examples.value(p.type, p.example, request=p.uploads)) for p in _sent(op, all_args)))
        lines += layout(node, f"const params: {op.params_type} = ", ";", _BODY)
        args.append("params")
    lines += assigned_call("const result", f"await client.{resource.name}.{op.method}", args, ";", _BODY)
    lines += [f"{_BODY}assert.equal(requests[0]?.method, {string(op.http.upper())});"]
    if op.params_omittable and not _takes_params(op, all_args):  # an optional body the caller left out is not sent
        lines += [f"{_BODY}assert.equal(requests[0]?.body ?? null, null);"]
    lines += call("assert.equal", ["requests[0]?.url.pathname", string(_expected_path(op))], ";", _BODY)
    lines += _result_checks(op)
    return lines + [f"{INDENT}}});"]


def _canned(op: TsOperation, *, body: bool = True) -> tuple[str, str, int]:
    """(the canned reply's body, its content type, its status); ``body=False``: the body of a JSON reply left empty
    (a test case needs only the other two: the body is in RESPONSES)."""
    kind = op.response.kind
    if kind == "binary":
        return "binary content", op.response.content_type or "application/octet-stream", 200
    if kind == "text":
        return "text content", "text/plain", 200
    if kind == "none":  # the declared status: a 200 without content resolves to undefined too
        status = op.response.status
        return "", "", int(status) if status.isdigit() and status.startswith("2") else 204
    if kind == "sse":
        return f"data: {op.response.example or '{}'}\n\ndata: [DONE]\n\n", "text/event-stream", 200
    return _compact(op.response.example) if body else "", "application/json", 200


def _compact(text: str) -> str:
    try:
        return json.dumps(json.loads(text), separators=(",", ":"), ensure_ascii=False) if text else "{}"
    except ValueError:
        return "{}"


def _result_checks(op: TsOperation) -> list[str]:
    body = f"RESPONSES.{op.method}"
    kind = op.response.kind
    if op.page:
        return call("assert.deepEqual", ["result.body", f"JSON.parse({body})"], ";", _BODY)
    if kind == "binary":
        return [f"{_BODY}assert.equal(await result.text(), 'binary content');"]
    if kind == "text":
        return [f"{_BODY}assert.equal(result, 'text content');"]
    if kind == "none":
        return [f"{_BODY}assert.equal(result, undefined);"]
    if kind == "sse":
        return [f"{_BODY}const events: unknown[] = [];", f"{_BODY}for await (const event of result) events.push(event);",
                f"{_BODY}assert.equal(events.length, 1);"]
    return call("assert.deepEqual", ["result", f"JSON.parse({body})"], ";", _BODY)


def _path_text(param) -> str:
    value = param.example
    if param.ts == "number":
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else "1"
    text = str(value) if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""
    if param.ts.startswith("'") and literal(text) not in param.ts.split(" | "):
        return json.loads('"' + param.ts.split(" | ")[0][1:-1] + '"') if param.ts.count("'") >= 2 else "example"
    return text if text not in ("", ".", "..") else "example"


def _path_value(param) -> str:
    return _path_text(param) if param.ts == "number" else string(_path_text(param))


def _expected_path(op: TsOperation) -> str:
    """The pathname a URL parser gives: parameters as encodeURIComponent has them, the rest path-percent-encoded."""
    values = {"{" + p.wire + "}": quote(_path_text(p), safe="-_.!~*'()") for p in op.path_params}
    pieces = re.split(r"(\{[^{}]+\})", op.wire_path)
    return "/base" + "".join(values.get(piece) or _url_path(piece) for piece in pieces)


def _url_path(text: str) -> str:
    return "".join(quote(c, safe="") if c in ' "<>`{}' or not " " < c < "\x7f" else c for c in text)


def example_call(resource: TsResource, op: TsOperation, examples: Examples) -> str:
    """``client.videos.remix('video_123', { prompt: '...' })``: the required arguments, for the README."""
    args = [_path_value(p) for p in op.path_params]
    if op.params_type and op.params_required:
        node = Obj(tuple((key_text(p.key), examples.value(p.type, p.example, request=p.uploads)) for p in _sent(op, False)))
        args.append(flat(node))
    return f"client.{resource.name}.{op.method}({', '.join(args)})"


def render_prism_tests(api: TsApi, examples: Examples) -> str:
    """tests/prism.test.ts: every method that returns JSON or bytes, called with its required arguments against a
    Prism mock server of the spec; Prism checks the request, the SDK parses the answer."""
    ops = [(r, op) for r in api.resources for op in r.operations if op.response.kind in ("json", "binary", "none")
           and not op.stream_event]
    if not ops:
        return ""
    params_types = sorted({op.params_type for _, op in ops if _takes_params(op, False)})
    streams = [f"{r.name}.{op.method}" for r in api.resources for op in r.operations
               if op.response.kind == "sse" or op.stream_event]
    lines = ["/** Every method called with its required arguments against a Prism mock server of the spec. */", ""]
    if streams:  # a test that fails in the user's CI is no test: these are covered by the in-process tests only
        lines += [f"// not called here: {', '.join(streams)}: Prism cannot mock a text/event-stream response (it answers",
                  "// 500); the in-process tests call them", ""]
    lines += ["import assert from 'node:assert/strict';",
              "import { after, before, beforeEach, describe, it } from 'node:test';", ""]
    lines += import_lines([(api.client_class, False)] + [(n, True) for n in params_types], "../src/index.js")
    cases = [line for resource, op in ops for line in [""] + _prism_case(resource, op, examples)]
    if any("exampleFile(" in line for line in cases):
        lines.append("import { exampleFile } from './helpers.js';")
    lines += [
        "import { type MockServer, startPrism } from './prism.js';", "",
        "let server: MockServer | undefined;", "",
        f"function client(): {api.client_class} {{",
        f"{INDENT}assert.ok(server);",
        *_prism_client(api),
        "}", "",
        "describe('against Prism', () => {",
        f"{INDENT}before(async () => {{", f"{INDENT * 2}server = await startPrism();", f"{INDENT}}});",
        f"{INDENT}beforeEach(async () => {{", f"{INDENT * 2}await server?.running();", f"{INDENT}}});",
        f"{INDENT}after(async () => {{", f"{INDENT * 2}await server?.stop();", f"{INDENT}}});",
    ]
    return "\n".join(lines + cases + ["});"]) + "\n"


def _prism_case(resource: TsResource, op: TsOperation, examples: Examples) -> list[str]:
    lines = [f"{INDENT}it({string(f'{resource.name}.{op.method}')}, async (t) => {{",
             f"{_BODY}if (!server) return t.skip('Prism is not installed');"]
    args = [_path_value(p) for p in op.path_params]
    if _takes_params(op, False):
        node = Obj(tuple((key_text(p.key), examples.value(p.type, p.example, request=p.uploads))
                         for p in _sent(op, False)))
        lines += layout(node, f"const params: {op.params_type} = ", ";", _BODY)
        args.append("params")
    lines += assigned_call("const result", f"await client().{resource.name}.{op.method}", args, ";", _BODY)
    if op.page:
        lines.append(f"{_BODY}assert.ok(Array.isArray(result.items));")
    elif op.response.kind == "binary":
        lines.append(f"{_BODY}assert.ok((await result.arrayBuffer()).byteLength >= 0);")
    elif op.response.kind == "json":
        lines.append(f"{_BODY}assert.notEqual(result, undefined);")
    else:
        lines.append(f"{_BODY}assert.equal(result, undefined);")
    return lines + [f"{INDENT}}});"]


def _prism_client(api: TsApi) -> list[str]:
    """The Prism tests' client, holding every credential (Prism answers 401 when a required one is missing)."""
    entries = [f"{c.option}: {string(c.example)}" for c in api.auth.credentials]
    entries += ["baseURL: server.url", "fetch: server.fetch", "maxRetries: 0", "logLevel: 'off'"]
    one = f"{INDENT}return new {api.client_class}({{ {', '.join(entries)} }});"
    if fits(one):
        return [one]
    return [f"{INDENT}return new {api.client_class}({{"] + [f"{INDENT * 2}{e}," for e in entries] + [f"{INDENT}}});"]
