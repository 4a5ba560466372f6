"""A hostile spec as a TypeScript SDK: reserved words, ``__proto__``, ``*/`` in descriptions, backticks and ``${``
in strings and paths. It type-checks strictly, stays formatted, its tests pass, and importing and calling it runs
nothing the spec wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.config import Target

from .conftest import output, run

MARK = "PWNED"
INJECT = f"`${{globalThis.{MARK}=1}}`'\"\\*/ /* {MARK} */ </script>\n\u2028"
DOC = f"ends the comment */ globalThis.{MARK} = 1; /* and ${{{MARK}}} `{MARK}`"

WORDS = ["__proto__", "constructor", "prototype", "class", "delete", "then", "options", "params", "path", "query",
         "body", "headers", "default", "Promise", "Response", "a-b", "1x", "", "*/", "`", "${x}", "x y"]


def _schema() -> dict:
    props = {w: {"type": "string", "description": DOC} for w in WORDS}
    props["tag"] = {"type": "string", "enum": [INJECT, "plain", "it's", 'say "hi"']}
    props["nested"] = {"$ref": "#/components/schemas/constructor"}
    return {"type": "object", "description": DOC, "properties": props, "required": ["__proto__", "tag"]}


def hostile_spec() -> dict:
    params = [{"name": w, "in": "query", "schema": {"type": "string"}, "description": DOC} for w in WORDS if w]
    params.append({"name": "x-`$h`", "in": "header", "schema": {"type": "string"}})
    body = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/__proto__"}}}}
    reply = {"200": {"description": DOC, "content": {"application/json": {"schema": {
        "$ref": "#/components/schemas/__proto__"}}}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": f"Hostile */ {MARK}", "version": "1.0.0", "description": DOC},
        "servers": [{"url": "https://h.test/`${x}`/'q'"}],
        "paths": {
            "/items/{constructor}/x`${globalThis.PWNED=1}`": {
                "parameters": [{"name": "constructor", "in": "path", "required": True, "schema": {"type": "string"}}],
                "post": {"operationId": "constructor", "tags": ["__proto__"], "summary": DOC, "description": DOC,
                         "parameters": params, "requestBody": body, "responses": reply},
            },
            "/then/{class}": {
                "parameters": [{"name": "class", "in": "path", "required": True, "schema": {"type": "string"}}],
                "get": {"operationId": "then", "tags": ["then"], "deprecated": True, "responses": reply},
                "delete": {"operationId": "__proto__", "tags": ["then"], "responses": reply,
                           "security": [{"__proto__": [], "a b*/`${x}`": []}, {"constructor": []}]},
            },
        },
        "components": {"securitySchemes": {
            "__proto__": {"type": "apiKey", "in": "header", "name": "x-`$h`'*"},  # odd, yet a valid header name
            "a b*/`${x}`": {"type": "http", "scheme": "basic"},
            "constructor": {"type": "apiKey", "in": "cookie", "name": "c'`${x}`"},
        }, "schemas": {
            "__proto__": _schema(),
            "constructor": {"type": "object", "properties": {"`": {"type": "integer"}}},
            "Promise": {"type": "string", "enum": ["`${x}`", "*/"], "description": DOC},
            "promise": {"anyOf": [{"type": "string"}, {"$ref": "#/components/schemas/Promise"}]},
        }},
    }


@pytest.fixture(scope="module")
def sdk(ts, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ts-hostile")
    spec = folder / "hostile.json"
    spec.write_text(json.dumps(hostile_spec()), encoding="utf-8")
    target = Target(spec=str(spec), output=str(folder / "out"), language="typescript", package="hostile")
    out = folder / "out"
    ts.write(target, out, root=folder)
    return out


def test_hostile_sdk_typechecks_and_is_formatted(ts, sdk: Path) -> None:
    ts.typecheck(sdk)
    ts.check_format(sdk)


def test_hostile_sdk_runs_nothing_it_was_given(ts, sdk: Path, tmp_path: Path) -> None:
    ts.run_tests(sdk, tmp_path, prism=False)
    script = tmp_path / "probe.mjs"
    script.write_text(
        f"import * as sdk from {json.dumps((tmp_path / 'src' / 'index.js').as_uri())};\n"
        "const client = new sdk.default({ apiKey: 'k', fetch: async () => new Response('{}', "
        "{ headers: { 'content-type': 'application/json' } }) });\n"
        "for (const key of Object.keys(client)) void client[key];\n"
        f"if (globalThis.{MARK} !== undefined || Object.prototype.{MARK} !== undefined) throw new Error('{MARK}');\n"
        "console.log('clean');\n",
        encoding="utf-8",
    )
    result = run("node", script)
    assert result.returncode == 0 and "clean" in result.stdout, output(result)
    assert not list(sdk.rglob(MARK)) and not list(tmp_path.rglob(MARK))


def test_descriptions_cannot_close_comments(sdk: Path) -> None:
    """Inside a JSDoc block only its last line has ``*/``; a one-line comment has exactly one."""
    for path in (sdk / "src").rglob("*.ts"):
        for line in path.read_text(encoding="utf-8").splitlines():
            text = line.strip()
            if text.startswith("/**"):
                assert text == "/**" or text.count("*/") == 1, f"{path.name}: {line}"
            elif text.startswith("*") and text != "*/":
                assert "*/" not in text, f"{path.name}: {line}"
    assert DOC.replace("*/", "*\\/") in (sdk / "src" / "types.ts").read_text(encoding="utf-8")
