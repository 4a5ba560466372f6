"""The security ruleset (SF200-SF223, generator/validate/owasp/): each rule's edges, where it reports, that it is off
unless chosen, and that a spec split over files is judged as the same spec in one file."""

from __future__ import annotations

import argparse
import json
import textwrap
from pathlib import Path

import pytest

from generator.cli.validate import add_parser
from generator.load.document import load_spec
from generator.load.positions import locate
from generator.validate import checks
from generator.validate.generation import generation_check
from generator.validate.rulesets import with_rulesets

HEAD = 'openapi: 3.1.0\ninfo: {title: Pets, version: "1"}\n'


def findings(tmp_path: Path, text: str, files: dict[str, str] | None = None, rulesets=("security",),
             levels: dict[str, str] | None = None, rules: tuple[str, ...] = ()) -> set[tuple[str, str, str]]:
    """(rule, file name, pointer) of what validate reports on ``text`` (spec.yaml) with ``files`` beside it;
    ``rules``: only those rules."""
    for name, content in (files or {}).items():
        (tmp_path / name).write_text(textwrap.dedent(content), encoding="utf-8")
    spec = tmp_path / "spec.yaml"
    spec.write_text(_dedent(text), encoding="utf-8")
    found = checks.validate_paths([spec], with_rulesets(levels or {}, rulesets))
    return {(d.rule, Path(d.file).name, d.pointer) for d in found if not rules or d.rule in rules}


def _dedent(text: str) -> str:
    """An unindented `openapi` and `info` line (HEAD) followed by an indented body: the body dedented."""
    if text.startswith("openapi:"):
        head, info, body = text.split("\n", 2)
        return f"{head}\n{info}\n{textwrap.dedent(body)}"
    return textwrap.dedent(text)


def pointers(found: set[tuple[str, str, str]], rule: str) -> set[str]:
    return {ptr for r, _f, ptr in found if r == rule}


def test_servers_use_tls(tmp_path):
    found = findings(tmp_path, HEAD + """\
        servers:
          - url: http://api.example.com
          - url: HTTP://api.example.com:80/v1
          - url: ws://stream.example.com
          - url: https://api.example.com
          - url: http://localhost:8080
          - url: http://127.0.0.1
          - url: http://[::1]:3000
          - url: /v1
        paths:
          /pets:
            servers: [{url: "http://pets.example.com"}]
            get:
              servers: [{url: "http://get.example.com"}]
              responses: {"200": {description: ok}}
        """)
    assert pointers(found, "SF200") == {"/servers/0/url", "/servers/1/url", "/servers/2/url",
                                        "/paths/~1pets/servers/0/url", "/paths/~1pets/get/servers/0/url"}


CREDENTIALS = ["api_key", "apiKey", "X-API-KEY", "access_token", "password", "client_secret", "token", "oauth_token",
               "page_token", "pageToken", "api_key_id", "secretName", "revokeOAuthTokens", "key", "keyword", "after"]


def test_credentials_stay_out_of_urls(tmp_path):
    listed = "".join(f"                - {{name: {name}, in: query, schema: {{type: string}}}}\n" for name in CREDENTIALS)
    found = findings(tmp_path, HEAD + """\
        paths:
          /pets:
            get:
              parameters:
""" + listed + """\
                - {name: password, in: header, schema: {type: string}}
                - $ref: "#/components/parameters/Secret"
              responses: {"200": {description: ok}}
        components:
          parameters:
            Secret: {name: secret, in: query, schema: {type: string}}
          securitySchemes:
            QueryKey: {type: apiKey, in: query, name: key}
            HeaderKey: {type: apiKey, in: header, name: X-Key}
            Basic: {type: http, scheme: Basic}
            Negotiate: {type: http, scheme: negotiate}
            Bearer: {type: http, scheme: bearer}
        """)
    flagged = {f"/paths/~1pets/get/parameters/{i}/name" for i in range(8)}  # the first eight names
    assert pointers(found, "SF202") == flagged | {"/components/parameters/Secret/name"}
    assert pointers(found, "SF201") == {"/components/securitySchemes/QueryKey/in"}
    assert pointers(found, "SF203") == {"/components/securitySchemes/Basic/scheme"}
    assert pointers(found, "SF204") == {"/components/securitySchemes/Negotiate/scheme"}


OPS = """\
paths:
  /a:
    get:
      responses: {"200": {description: ok}}
  /b:
    get:
      security: []
      responses: {"200": {description: ok}}
  /c:
    get:
      security: [{}]
      responses: {"200": {description: ok}}
  /d:
    get:
      security: [{Bearer: []}]
      responses: {"200": {description: ok}, "401": {description: no}}
components:
  securitySchemes:
    Bearer: {type: http, scheme: bearer}
"""


def test_security_is_stated_and_secured_operations_declare_401_and_403(tmp_path):
    found = findings(tmp_path, HEAD + OPS)
    assert pointers(found, "SF205") == {"/paths/~1a/get"}
    assert pointers(found, "SF210") == set()
    assert pointers(found, "SF211") == {"/paths/~1d/get/responses"}
    root_secured = findings(tmp_path, HEAD + "security: [{Bearer: []}]\n" + OPS)
    assert pointers(root_secured, "SF205") == set()  # the document's security covers every operation
    assert pointers(root_secured, "SF210") == {"/paths/~1a/get/responses"}  # `security: []` / `[{}]`: public
    assert pointers(root_secured, "SF211") == {"/paths/~1a/get/responses", "/paths/~1d/get/responses"}


def test_rate_limit_responses(tmp_path):
    found = findings(tmp_path, HEAD + """\
        paths:
          /a:
            get:
              responses: {"200": {description: ok}}
          /b:
            get:
              responses: {"200": {description: ok}, "429": {$ref: "#/components/responses/TooMany"}}
          /c:
            get:
              responses: {"200": {description: ok}, "429": {$ref: "#/components/responses/TooMany"}}
          /d:
            get:
              responses:
                "200": {description: ok}
                429:
                  description: slow down
                  headers: {retry-after: {schema: {type: integer}}}
                  content: {application/json: {schema: {type: object}}}
        components:
          responses:
            TooMany: {description: slow down}
        """)
    assert pointers(found, "SF212") == {"/paths/~1a/get/responses", "/components/responses/TooMany"}
    assert pointers(found, "SF213") == {"/components/responses/TooMany"}  # a shared response: reported once


def test_bounded_strings_arrays_and_integers(tmp_path):
    found = findings(tmp_path, HEAD + """\
        paths: {}
        components:
          schemas:
            S: {type: [string, "null"]}
            Enum: {type: string, enum: [a]}
            Const: {type: string, const: a}
            Long: {type: string, maxLength: 9}
            L: {type: array, items: {type: integer, minimum: 0, exclusiveMaximum: 10}}
            Capped: {type: array, maxItems: 3, items: {type: integer, exclusiveMinimum: 0}}
            NoType: {properties: {x: {$ref: "#/components/schemas/Long"}}}
        """)
    assert pointers(found, "SF220") == {"/components/schemas/S/type"}
    assert pointers(found, "SF221") == {"/components/schemas/L/type"}
    assert pointers(found, "SF222") == {"/components/schemas/Capped/items/type"}


def test_integer_bounds_in_openapi_30(tmp_path):
    found = findings(tmp_path, 'openapi: 3.0.3\ninfo: {title: Pets, version: "1"}\n' + """\
        paths: {}
        components:
          schemas:
            A: {type: integer, minimum: 0, exclusiveMinimum: true, maximum: 9}
            B: {type: integer, exclusiveMinimum: true, maximum: 9}
        """, rules=("SF222",))
    assert pointers(found, "SF222") == {"/components/schemas/B/type"}


def test_open_properties_in_request_bodies(tmp_path):
    found = findings(tmp_path, HEAD + """\
        paths:
          /pets:
            post:
              requestBody: {$ref: "#/components/requestBodies/NewPet"}
              responses:
                "200":
                  description: ok
                  content: {application/json: {schema: {type: object, additionalProperties: true}}}
        components:
          requestBodies:
            NewPet:
              content:
                application/json: {schema: {$ref: "#/components/schemas/NewPet"}}
                multipart/form-data:
                  schema: {type: object, unevaluatedProperties: {type: string}}
          schemas:
            NewPet:
              type: object
              additionalProperties: false
              properties:
                labels: {type: object, additionalProperties: {type: string}}
                bounded: {type: object, maxProperties: 5, additionalProperties: {type: string}}
                tags: {type: array, items: {$ref: "#/components/schemas/Tag"}}
              allOf: [{$ref: "#/components/schemas/Tag"}]
            Tag: {type: object, additionalProperties: true}
            Unused: {type: object, additionalProperties: true}
        """, rules=("SF223",))
    assert pointers(found, "SF223") == {
        "/components/requestBodies/NewPet/content/multipart~1form-data/schema/unevaluatedProperties",
        "/components/schemas/NewPet/properties/labels/additionalProperties",
        "/components/schemas/Tag/additionalProperties",
    }


PROBLEMS = HEAD + """\
    servers: [{url: "http://api.example.com"}]
    paths:
      /pets:
        get:
          parameters: [{name: password, in: query, schema: {type: string}}]
          responses: {"200": {description: ok}}
    """


def test_off_unless_chosen_or_levelled(tmp_path):
    assert findings(tmp_path, PROBLEMS, rulesets=("sdk",)) == set()
    assert not any(r.startswith("SF2") for r, _f, _p in findings(tmp_path, PROBLEMS, rulesets=("recommended",)))
    assert {r for r, _f, _p in findings(tmp_path, PROBLEMS, rulesets=("sdk",), levels={"SF202": "warning"})} == \
        {"SF202"}
    assert {r for r, _f, _p in findings(tmp_path, PROBLEMS)} >= {"SF200", "SF202", "SF205", "SF212", "SF220"}
    # a caller that names no rulesets (sdkforge generate) runs the default ones
    assert checks.validate_paths([tmp_path / "spec.yaml"]) == []
    assert generation_check(load_spec(tmp_path / "spec.yaml")) == []


def test_the_command_line_chooses_the_ruleset(tmp_path, capsys):
    spec = tmp_path / "spec.yaml"
    spec.write_text(_dedent(PROBLEMS), encoding="utf-8")
    parser = argparse.ArgumentParser(prog="sdkforge")
    add_parser(parser.add_subparsers())

    def run(*argv: str) -> tuple[int, str]:
        args = parser.parse_args(["validate", str(spec), "--format", "json", *argv])
        code = args.func(args)
        return code, capsys.readouterr().out

    code, out = run()
    assert (code, json.loads(out)["diagnostics"]) == (0, [])
    code, out = run("--ruleset", "security")
    assert code == 1
    assert {d["rule"] for d in json.loads(out)["diagnostics"]} >= {"SF200", "SF202", "SF205"}


SPLIT_ROOT = HEAD + """\
    security: [{Bearer: []}]
    paths:
      /pets:
        $ref: "pets.yaml#/Pets"
    components:
      securitySchemes:
        Bearer: {type: http, scheme: bearer}
    """
SPLIT_PETS = """\
    Pets:
      post:
        parameters: [{$ref: "#/Token"}]
        requestBody:
          content:
            application/json: {schema: {$ref: "#/Pet"}}
        responses:
          "200": {description: ok}
          "429": {$ref: "#/TooMany"}
    Token: {name: access_token, in: query, schema: {type: string}}
    TooMany: {description: slow down}
    Pet:
      type: object
      additionalProperties: true
      properties:
        name: {type: string}
        age: {type: integer, minimum: 0, default: old}
        tags: {type: array, items: {type: string, maxLength: 9}}
    """


SINGLE = HEAD + """\
    security: [{Bearer: []}]
    paths:
      /pets:
        post:
          parameters: [{$ref: "#/components/parameters/Token"}]
          requestBody:
            content:
              application/json: {schema: {$ref: "#/components/schemas/Pet"}}
          responses:
            "200": {description: ok}
            "429": {$ref: "#/components/responses/TooMany"}
    components:
      securitySchemes:
        Bearer: {type: http, scheme: bearer}
      parameters:
        Token: {name: access_token, in: query, schema: {type: string}}
      responses:
        TooMany: {description: slow down}
      schemas:
        Pet:
          type: object
          additionalProperties: true
          properties:
            name: {type: string}
            age: {type: integer, minimum: 0, default: old}
            tags: {type: array, items: {type: string, maxLength: 9}}
    """


def test_a_split_spec_is_judged_as_the_same_spec_in_one_file(tmp_path):
    split = findings(tmp_path, SPLIT_ROOT, {"pets.yaml": SPLIT_PETS})
    assert {f for _r, f, _p in split} == {"pets.yaml"}  # reported in the file where each problem is written
    (tmp_path / "one").mkdir()
    single = findings(tmp_path / "one", SINGLE)
    def place(ptr: str) -> str:  # the single file's place of a part -> the split file's
        for prefix in ("/components/parameters", "/components/responses", "/components/schemas"):
            ptr = ptr.removeprefix(prefix)
        return ptr.replace("/paths/~1pets", "/Pets")

    assert {(r, place(p)) for r, _f, p in single} == {(r, p) for r, _f, p in split}
    assert {r for r, _f, _p in split} == {"SF020", "SF202", "SF210", "SF211", "SF212", "SF213", "SF220", "SF221",
                                          "SF222", "SF223"}


def test_a_local_ref_inside_another_file_is_walked(tmp_path):
    found = findings(tmp_path, SPLIT_ROOT, {"pets.yaml": SPLIT_PETS}, rulesets=("sdk",))
    assert found == {("SF020", "pets.yaml", "/Pet/properties/age/default")}  # reached through pets.yaml's own "#/Pet"


@pytest.mark.parametrize("count", [3, 40])  # a small mapping is scanned, a large one indexed once
def test_locate_in_small_and_large_mappings(tmp_path, count):
    spec = tmp_path / "m.yaml"
    spec.write_text("m:\n" + "".join(f"  k{i}: {i}\n" for i in range(count)) + "  k1: again\n", encoding="utf-8")
    doc = load_spec(spec)
    assert locate(doc, "/m/k2") == (4, 3)
    assert locate(doc, "/m/k1") == (count + 2, 3)  # a repeated key: the last one, as in the data
    assert locate(doc, "/m/missing") == (1, 1)  # the deepest node that exists


def test_broken_specs_never_break_the_ruleset(monkeypatch):
    """Every broken spec of the validate corpus, the security ruleset on: findings, never an exception."""
    corpus = Path(__file__).parent / "corpus"
    monkeypatch.chdir(corpus)
    levels = with_rulesets({}, ["security"])
    for spec in sorted(p.name for p in corpus.iterdir() if p.is_file()):
        for d in checks.validate_paths([spec], levels):
            assert d.message and d.hint, (spec, d)


def test_odd_shapes_are_skipped_not_fatal():
    """Wrong types everywhere, `$ref` cycles between path items, parameters, responses and schemes: only what can be
    judged is reported (security/odd_shapes.yaml)."""
    spec = Path(__file__).parent / "security" / "odd_shapes.yaml"
    found = {(d.rule, d.pointer) for d in checks.validate_paths([spec], with_rulesets({}, ["security"]))
             if d.rule >= "SF200"}
    assert found == {
        ("SF200", "/paths/~1d/servers/2/url"), ("SF200", "/paths/~1d/servers/3/url"),
        ("SF212", "/paths/~1d/put/responses/429"), ("SF213", "/paths/~1d/put/responses/429"),
        ("SF220", "/components/schemas/R/type"), ("SF221", "/components/schemas/R/type"),
        ("SF222", "/components/schemas/R/type"), ("SF223", "/components/schemas/R/additionalProperties"),
    }
