"""Hostile specs, built in code: each entry is (name, file suffix, spec text).

Every payload that could run tries to touch the marker file ``PWNED`` or print ``PWNED``; the tests assert that
neither happens when the generated package is imported.
"""

from __future__ import annotations

import json
from typing import Any

MARK = "PWNED"
CODE = f'\nimport os; os.system("touch {MARK}"); print("{MARK}")\n'
QUOTES = [
    f'"""; import os; os.system("touch {MARK}") #',
    f"'''; print('{MARK}') #",
    f"\"'; import os #{MARK}",
    '"""',
    "'''",
    "\\",
    "\\\\",
    "ends with backslash \\",
    "nul\x00byte",
    "{{ 7*7 }}",
    "{% if true %}X{% endif %}",
    CODE,
    f"{MARK}\\n\\\"",
]
DESCRIPTIONS = [
    '"""',
    f'"""\nimport os; os.system("touch {MARK}")\n"""',
    "'''",
    "trailing backslash \\",
    "\\",
    "\\\\\\",
    "back\\slash\\",
    "nul \x00 byte",
    "control \x01\x1b[31m\x7f",
    CODE,
    "{{ 7*7 }} and {% if x %}y{% endif %} {# c #}",
    '"',
    'ends with quote"',
    '""',
    "\r\nwindows\r\nlines\r",
    "\u2028line separator\u2029para",
    "# comment\n    indented code: pass",
]
BAD_NAMES = [
    "class", "None", "async", "await", "def", "True", "import", "match", "type", "print",
    "__init__", "__class__", "__dict__", "__import__", "_private", "_", "__",
    "", "123", "0", "$$$", "!@#", "-", ".", "..",
    "../../x", "/abs/path", "con", "CON", "nul", "aux",
    "Foo", "foo", "FOO",
    "a-b", "a_b", "a b", "A_B",
    "\u0430pple", "apple",  # Cyrillic a vs Latin a
    "x" * 1000,
    "model_config", "model_dump", "self", "cls", "self_", "extra_headers", "timeout",
    "id\x00", "tab\tname", "new\nline", f"{MARK}\"); print('{MARK}')#",
    "pydantic", "typing", "httpx", "BaseModel", "Optional", "List",
    "\u00e9t\u00e9", "\u65e5\u672c", "\U0001f600",
]


def base(**extra: Any) -> dict[str, Any]:
    spec: dict[str, Any] = {"openapi": "3.1.0", "info": {"title": "Hostile", "version": "1.0.0"}, "paths": {}}
    spec.update(extra)
    return spec


def _op(op_id: str, **extra: Any) -> dict[str, Any]:
    op: dict[str, Any] = {
        "operationId": op_id,
        "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}},
    }
    op.update(extra)
    return op


def docs_spec() -> dict[str, Any]:
    schemas: dict[str, Any] = {}
    for i, text in enumerate(DESCRIPTIONS):
        schemas[f"Doc{i}"] = {
            "type": "object",
            "title": text,
            "description": text,
            "properties": {"p": {"type": "string", "description": text, "title": text}},
        }
        schemas[f"Alias{i}"] = {"type": "string", "description": text}
    paths: dict[str, Any] = {}
    for i, text in enumerate(DESCRIPTIONS):
        paths[f"/docs{i}"] = {
            "summary": text,
            "description": text,
            "get": _op(
                f"getDoc{i}",
                summary=text,
                description=text,
                tags=["docs"],
                parameters=[{"name": "q", "in": "query", "description": text, "schema": {"type": "string"}}],
                responses={"200": {"description": text, "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/Doc{i}"}}}}},
            ),
        }
    return base(
        info={"title": DESCRIPTIONS[1], "version": "1.0.0", "description": CODE + DESCRIPTIONS[10]},
        tags=[{"name": "docs", "description": DESCRIPTIONS[1]}],
        paths=paths,
        components={"schemas": schemas},
    )


def values_spec() -> dict[str, Any]:
    """Enum values, defaults, examples and consts that are Python code or quotes."""
    props: dict[str, Any] = {}
    for i, text in enumerate(QUOTES):
        props[f"d{i}"] = {"type": "string", "default": text, "example": text, "examples": [text]}
        props[f"c{i}"] = {"const": text}
    props["e"] = {"type": "string", "enum": QUOTES}
    props["mixed"] = {"enum": [*QUOTES[:3], 1, 2.5, True, None]}
    props["ints"] = {"type": "integer", "enum": [0, -1, 10**30]}
    return base(
        paths={
            "/v": {
                "post": _op(
                    "postValues",
                    parameters=[
                        {"name": "q", "in": "query", "schema": {"type": "string", "enum": QUOTES, "default": QUOTES[0]}, "example": QUOTES[0]},
                        {"name": "h", "in": "header", "schema": {"type": "string", "default": QUOTES[11]}},
                    ],
                    requestBody={"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Values"}, "example": {"d0": QUOTES[0]}}}},
                    responses={"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Values"}, "example": dict.fromkeys(props, QUOTES[0])}}}},
                )
            }
        },
        components={"schemas": {"Values": {"type": "object", "properties": props, "example": {"e": QUOTES[0]}}, "Choice": {"type": "string", "enum": QUOTES}}},
    )


def names_spec(kind: str) -> dict[str, Any]:
    """One spec per place a name lands: schema, property, path/query/header parameter, tag, operationId."""
    names = BAD_NAMES
    ok = {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}}
    if kind == "schema":
        schemas = {n: {"type": "object", "properties": {"v": {"type": "string"}}} for n in names}
        schemas["All"] = {"type": "object", "properties": {f"p{i}": {"$ref": "#/components/schemas/" + n.replace("~", "~0").replace("/", "~1")} for i, n in enumerate(names)}}
        return base(
            paths={"/all": {"get": {"operationId": "getAll", "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/All"}}}}}}}},
            components={"schemas": schemas},
        )
    if kind == "property":
        props = {n: {"type": "string"} for n in names}
        schemas = {"Props": {"type": "object", "properties": props, "required": names[:10]}}
        return base(
            paths={
                "/props": {
                    "post": {
                        "operationId": "postProps",
                        "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Props"}}}},
                        "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Props"}}}}},
                    }
                }
            },
            components={"schemas": schemas},
        )
    if kind in ("query", "header"):
        params = [{"name": n, "in": kind, "schema": {"type": "string"}} for n in names if n]
        return base(paths={"/p": {"get": {"operationId": "getP", "parameters": params, "responses": ok}}})
    if kind == "path":
        usable = [n for n in names if n and not any(c in n for c in "/{}?#") and "\x00" not in n and "\n" not in n]
        template = "/p/" + "/".join("{" + n + "}" for n in usable)
        params = [{"name": n, "in": "path", "required": True, "schema": {"type": "string"}} for n in usable]
        return base(paths={template: {"get": {"operationId": "getPath", "parameters": params, "responses": ok}}})
    if kind == "tag":
        paths = {f"/t{i}": {"get": {"operationId": f"op{i}", "tags": [n], "responses": ok}} for i, n in enumerate(names)}
        return base(tags=[{"name": n} for n in names], paths=paths)
    if kind == "operationId":
        paths = {f"/o{i}": {"get": {"operationId": n, "tags": ["things"], "responses": ok}} for i, n in enumerate(names)}
        return base(paths=paths)
    if kind == "path-segment":
        paths = {"/" + n.replace("/", "-"): {"get": {"responses": ok}} for n in names if n and "\x00" not in n}
        return base(paths=paths)
    raise ValueError(kind)


def discriminator_spec(target: str) -> dict[str, Any]:
    return base(
        paths={"/pet": {"get": _op("getPet", responses={"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}}})}},
        components={
            "schemas": {
                "Cat": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string"}}},
                "Pet": {
                    "oneOf": [{"$ref": "#/components/schemas/Cat"}],
                    "discriminator": {"propertyName": "kind", "mapping": {"cat": "#/components/schemas/Cat", "x": target}},
                },
            }
        },
    )


def external_ref_spec(target: str) -> dict[str, Any]:
    return base(paths={"/x": {"get": _op("getX", responses={"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": target}}}}})}})


def nested_json(depth: int, kind: str) -> str:
    """A schema nested ``depth`` levels deep, written as text (json.dumps itself would recurse)."""
    if kind == "properties":
        head, tail = '{"type": "object", "properties": {"a": ', "}}"
    elif kind == "items":
        head, tail = '{"type": "array", "items": ', "}"
    else:  # allOf
        head, tail = '{"allOf": [', "]}"
    schema = head * depth + '{"type": "string"}' + tail * depth
    prefix = json.dumps(base(paths={"/deep": {"get": _op("getDeep", responses={"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Deep"}}}}})}}))
    return prefix[:-1] + ', "components": {"schemas": {"Deep": ' + schema + "}}}"


def nested_yaml(depth: int) -> str:
    """Flow-style YAML nested ``depth`` mappings deep (block style would grow quadratically with indentation)."""
    schema = "{type: object, properties: {a: " * depth + "{type: string}" + "}}" * depth
    return "openapi: 3.1.0\ninfo: {title: Deep, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Deep: " + schema + "\n"


def many_schemas(count: int) -> dict[str, Any]:
    schemas = {
        f"S{i}": {"type": "object", "properties": {"id": {"type": "string"}, "next": {"$ref": f"#/components/schemas/S{(i + 1) % count}"}}}
        for i in range(count)
    }
    return base(
        paths={"/s": {"get": _op("getS", responses={"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/S0"}}}}})}},
        components={"schemas": schemas},
    )


def corpus() -> list[tuple[str, str, str]]:
    """(name, suffix, text) for every fast hostile spec."""
    out: list[tuple[str, str, str]] = [
        ("docs", ".json", json.dumps(docs_spec())),
        ("values", ".json", json.dumps(values_spec())),
    ]
    for kind in ("schema", "property", "query", "header", "path", "tag", "operationId", "path-segment"):
        out.append((f"names-{kind}", ".json", json.dumps(names_spec(kind))))
    for target in ("other.yaml#/X", "#/nowhere", "#/components/schemas/Nope", "https://evil.example/x.json#/X"):
        out.append((f"discriminator-{target}", ".json", json.dumps(discriminator_spec(target))))
    for target in ("other.yaml#/X", "/etc/passwd#/x", "#/nowhere", "#/components/schemas/../../x"):
        out.append((f"external-ref-{target}", ".json", json.dumps(external_ref_spec(target))))
    for kind in ("properties", "items", "allOf"):
        out.append((f"nested-5000-{kind}", ".json", nested_json(5000, kind)))
    out.append(("nested-5000-yaml", ".yaml", nested_yaml(5000)))
    out.append(("nested-200-properties", ".json", nested_json(200, "properties")))
    return out


def wide_schemas(count: int) -> dict[str, Any]:
    """``count`` schemas, each referring to its parent in a binary tree (chains stay ~log2(count) long)."""
    schemas: dict[str, Any] = {}
    for i in range(count):
        props: dict[str, Any] = {"id": {"type": "string", "description": f"schema {i}"}, "n": {"type": "integer"}}
        if i:
            props["parent"] = {"$ref": f"#/components/schemas/S{(i - 1) // 2}"}
        schemas[f"S{i}"] = {"type": "object", "properties": props, "required": ["id"]}
    return base(
        paths={"/s": {"get": _op("getS", responses={"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/S{count - 1}"}}}}})}},
        components={"schemas": schemas},
    )
