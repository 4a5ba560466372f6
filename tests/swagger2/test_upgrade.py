"""The Swagger 2.0 upgrade, module by module (generator/load/swagger2/), and where its diagnostics point."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import SpecError
from generator.load.document import load_spec
from generator.load.swagger2 import bodies, is_swagger2, media, parameters, refs, schemas, security, structure
from generator.load.swagger2.origins import Notes
from generator.load.swagger2.servers import servers
from generator.load.swagger2.upgrade import as_openapi3, upgrade

SPECS = Path(__file__).resolve().parents[1] / "fixtures" / "specs" / "swagger2"


def test_is_swagger2() -> None:
    assert is_swagger2({"swagger": "2.0"}) and not is_swagger2({"openapi": "3.0.3", "swagger": "2.0"})
    assert not is_swagger2({"openapi": "3.1.0"}) and not is_swagger2([]) and not is_swagger2({"swagger": ["2"]})


@pytest.mark.parametrize(("data", "expected"), [
    ({"host": "api.x.com", "basePath": "/v1/", "schemes": ["http", "https"]},
     ["https://api.x.com/v1", "http://api.x.com/v1"]),
    ({"host": "api.x.com"}, ["https://api.x.com"]),
    ({"host": "api.x.com:8080", "schemes": ["http"]}, ["http://api.x.com:8080"]),
    ({"basePath": "/api"}, ["/api"]),
    ({}, None),
])
def test_servers(data: dict[str, object], expected: list[str] | None) -> None:
    found = servers(data)
    assert (None if found is None else [s["url"] for s in found]) == expected


def test_media_types() -> None:
    root = {"consumes": ["application/json"], "produces": ["application/xml"]}
    assert media.listed({}, root, "consumes") == ["application/json"]
    assert media.listed({"consumes": []}, root, "consumes") == []  # an operation's own list wins, even empty
    assert media.listed({}, {}, "produces") is None
    assert media.body_types(None) == ["application/json"]
    assert media.body_types(["multipart/form-data", "text/plain"]) == ["text/plain"]
    assert media.form_types(None, has_file=True) == ["multipart/form-data"]
    assert media.form_types(None, has_file=False) == ["application/x-www-form-urlencoded"]
    assert media.form_types(["application/x-www-form-urlencoded"], has_file=True) == ["multipart/form-data"]
    assert media.form_types(["multipart/form-data"], has_file=False) == ["multipart/form-data"]
    assert media.response_types(None, {"type": "file"}) == ["application/octet-stream"]
    assert media.response_types(["image/png"], {"type": "file"}) == ["image/png"]


@pytest.mark.parametrize(("fmt", "where", "expected"), [
    ("csv", "query", ("form", False)), ("multi", "query", ("form", True)), ("ssv", "query", ("spaceDelimited", False)),
    ("pipes", "query", ("pipeDelimited", False)), ("csv", "path", ("simple", False)),
    ("csv", "header", ("simple", False)), ("multi", "formData", ("form", True)),
])
def test_collection_formats(fmt: str, where: str, expected: tuple[str, bool]) -> None:
    notes = Notes()
    param = {"name": "p", "in": where, "type": "array", "items": {"type": "string"}, "collectionFormat": fmt}
    assert parameters.style(param, where, "/p", notes) == expected and not notes.findings


def test_collection_format_without_an_equivalent_is_csv_with_a_warning() -> None:
    notes = Notes()
    param = {"name": "p", "in": "query", "type": "array", "items": {"type": "string"}, "collectionFormat": "tsv"}
    assert parameters.style(param, "query", "/p", notes) == ("form", False)
    assert parameters.style({**param, "collectionFormat": "multi"}, "header", "/h", notes) == ("simple", False)
    assert [(rule, ptr) for rule, _, ptr in notes.findings] == [("SF091", "/p/collectionFormat"),
                                                                ("SF091", "/h/collectionFormat")]


def test_parameter() -> None:
    notes = Notes()
    param = {"name": "id", "in": "path", "type": "integer", "format": "int64", "minimum": 1, "x-example": 7,
             "x-nullable": True, "description": "d", "x-internal": True}
    out = parameters.parameter(param, "/paths/~1a/get/parameters/0", notes)
    assert out == {"name": "id", "in": "path", "description": "d", "x-internal": True, "required": True,
                   "schema": {"type": "integer", "format": "int64", "minimum": 1, "example": 7, "nullable": True}}
    assert notes.origins[id(out["schema"])] == "/paths/~1a/get/parameters/0"


def test_body_and_form_bodies() -> None:
    notes = Notes()
    notes.definitions = frozenset(("Pet",))
    body = ({"name": "b", "in": "body", "required": True, "schema": {"$ref": "#/definitions/Pet"},
             "x-examples": {"application/json": {"a": 1}}}, "/paths/~1a/post/parameters/0")
    out = bodies.request_body([body], ["application/json", "text/plain"], "/paths/~1a/post", notes)
    assert out is not None and out["required"] is True and list(out["content"]) == ["application/json", "text/plain"]
    assert out["content"]["application/json"] == {"schema": {"$ref": "#/components/schemas/Pet"}, "example": {"a": 1}}
    form = [({"name": "f", "in": "formData", "type": "file", "required": True}, "/x/0"),
            ({"name": "tags", "in": "formData", "type": "array", "items": {"type": "string"}}, "/x/1")]
    out = bodies.request_body(form, None, "/x", notes)
    assert out is not None and list(out["content"]) == ["multipart/form-data"] and out["required"] is True
    entry = out["content"]["multipart/form-data"]
    assert entry["schema"] == {"type": "object", "required": ["f"], "properties": {
        "f": {"type": "string", "format": "binary"}, "tags": {"type": "array", "items": {"type": "string"}}}}
    assert entry["encoding"] == {"tags": {"style": "form", "explode": False}}
    assert bodies.request_body([], None, "/x", notes) is None


def test_response() -> None:
    notes = Notes()
    raw = {"description": "ok", "schema": {"type": "file"}, "headers": {"X-Rate": {"type": "integer"}},
           "examples": {"image/png": "png"}}
    out = bodies.response(raw, "/paths/~1a/get/responses/200", ["image/png"], notes)
    assert out == {"description": "ok", "headers": {"X-Rate": {"schema": {"type": "integer"}}},
                   "content": {"image/png": {"schema": {"type": "string", "format": "binary"}, "example": "png"}}}
    assert bodies.response({"$ref": "#/responses/E"}, "/r", None, notes) == {"$ref": "#/components/responses/E"}


def test_security_schemes() -> None:
    notes = Notes()
    assert security.scheme({"type": "basic"}, "/s", notes) == {"type": "http", "scheme": "basic"}
    assert security.scheme({"type": "apiKey", "name": "k", "in": "query"}, "/s", notes) == \
        {"type": "apiKey", "name": "k", "in": "query"}
    flows = {"implicit": ("implicit", {"authorizationUrl": "a"}), "password": ("password", {"tokenUrl": "t"}),
             "application": ("clientCredentials", {"tokenUrl": "t"}),
             "accessCode": ("authorizationCode", {"authorizationUrl": "a", "tokenUrl": "t"})}
    for flow, (name, urls) in flows.items():
        out = security.scheme({"type": "oauth2", "flow": flow, "authorizationUrl": "a", "tokenUrl": "t",
                               "scopes": {"s": "d"}, "description": "d"}, "/s", notes)
        assert out == {"type": "oauth2", "flows": {name: {**urls, "scopes": {"s": "d"}}}, "description": "d"}


def test_schemas() -> None:
    notes = Notes()
    notes.definitions = frozenset(("Pet", "Owner"))
    raw = {"type": "object", "discriminator": "kind", "properties": {
        "photo": {"type": "file"}, "name": {"type": "string", "x-nullable": True, "x-example": "Rex"},
        "owner": {"$ref": "#/definitions/Owner", "x-nullable": True},
        "tags": {"type": "array", "items": {"$ref": "#/definitions/Pet"}},
        "gone": {"$ref": "#/definitions/Missing", "description": "kept"}}}
    out = schemas.schema(raw, "/definitions/Pet", notes)
    assert out["discriminator"] == {"propertyName": "kind"}
    assert out["properties"] == {
        "photo": {"type": "string", "format": "binary"},
        "name": {"type": "string", "nullable": True, "example": "Rex"},
        "owner": {"allOf": [{"$ref": "#/components/schemas/Owner"}], "nullable": True},
        "tags": {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}},
        "gone": {"description": "kept"}}
    assert [(rule, ptr) for rule, _, ptr in notes.findings] == [("SF095", "/definitions/Pet/properties/gone/$ref")]


def test_json_schema_beyond_swagger2_is_read_as_nullable() -> None:
    notes = Notes()
    assert schemas.schema({"type": ["string", "null"]}, "/a", notes) == {"type": "string", "nullable": True}
    assert schemas.schema({"type": "null"}, "/b", notes) == {"nullable": True}
    assert schemas.schema({"items": [{"type": "integer"}, {"type": "null"}]}, "/c", notes) == \
        {"items": {"type": "integer", "nullable": True}}
    assert [(rule, ptr) for rule, _, ptr in notes.findings] == [("SF093", "/a/type"), ("SF093", "/b/type"),
                                                                ("SF093", "/c/items"), ("SF093", "/c/items/1/type")]


def test_refs() -> None:
    assert refs.ref("#/definitions/A~1B") == "#/components/schemas/A~1B"
    assert refs.ref("#/parameters/P") == "#/components/parameters/P" and refs.ref("#/paths/x") == "#/paths/x"
    assert refs.as_written("$ref '#/components/schemas/X' points at nothing") == "$ref '#/definitions/X' points at nothing"


def test_structure() -> None:
    found = structure.problems({"swagger": "2.0", "paths": {"/a": {"get": {"parameters": [{"name": "b", "in": "body"}]}}}})
    assert found == [("an `in: body` parameter needs a `schema`", "/paths/~1a/get/parameters/0"),
                     ("an operation needs a `responses` mapping with at least one response", "/paths/~1a/get/responses")]
    assert structure.problems({"swagger": 2.0, "paths": {}}) == []  # YAML's 2.0, a number: read as "2.0"


def test_upgraded_document_and_where_its_parts_came_from() -> None:
    root = load_spec(SPECS / "petstore.yaml")
    upgraded = upgrade(root)
    data = upgraded.document.data
    assert data["openapi"] == "3.0.3" and upgraded.document.path == root.path
    assert data["components"]["parameters"]["Limit"]["schema"] == {"type": "integer", "default": 20, "maximum": 100}
    doc, pointer = upgraded.where("/paths/~1pets/post/requestBody/content/application~1json/schema")
    assert (doc, pointer) == (root, "/paths/~1pets/post/parameters/0/schema") or \
        pointer == "/parameters/PetBody/schema"  # a global body parameter: where it is written
    _, line, _, original = upgraded.position("/components/schemas/Pet/properties/nickname/nullable")
    assert original == "/definitions/Pet/properties/nickname/nullable"
    assert root.text.splitlines()[line - 1].strip().startswith("nickname:")


def test_split_document_points_into_its_files() -> None:
    root = load_spec(SPECS / "split" / "spec.yaml")
    upgraded = as_openapi3(root)
    assert upgraded is not root and set(upgraded.data["components"]["schemas"]) == {"Thing", "Error"}
    moved = upgrade(root, __import__("generator.load.bundle", fromlist=["bundle"]).bundle(root))
    file, line, _, original = moved.position("/components/schemas/Thing/properties/size/default")
    assert (Path(file).name, line, original) == ("definitions.yaml", 10, "/definitions/Thing/properties/size/default")
    error = SpecError("bad", file=str(root.path), pointer="/paths/~1things~1{thingId}/get/parameters/1/schema")
    moved.relocate(error)
    assert (Path(error.file).name, error.pointer) == ("parameters.yaml", "/parameters/RequestId")
    assert error.line == 7  # RequestId's line in parameters.yaml


def test_a_document_nested_too_deeply_is_one_error(tmp_path: Path) -> None:
    deep: dict[str, object] = {"type": "string"}
    for _ in range(5000):  # deeper than the interpreter's recursion limit (the loaders refuse such text earlier)
        deep = {"type": "object", "properties": {"a": deep}}
    spec = tmp_path / "s.yaml"
    spec.write_text('swagger: "2.0"\n')
    root = load_spec(spec)
    root.data["definitions"] = {"Deep": deep}
    with pytest.raises(SpecError, match="nested too deeply"):
        upgrade(root)
