"""The spec copy the generated tests serve with Prism, for what Prism 5 cannot read: path parameter names holding a
regular-expression character (Prism routes them 404/405), parameter styles whose reader crashes it, a path parameter
the template lacks (422), two schemes that both want the Authorization header (401), an allOf no value meets (422),
a oneOf whose variants all fit (422), a YAML response (500), a uuid of at most 24 characters (422), a one-item array
in a form (422), an empty required form (422), a required GET body (TypeScript: 422), multipart fields in the
bracket form (``name[key]`` parts checked only as a declared deepObject, repeated ``name[]`` parts), an exploded form object whose keys only
its anyOf parts declare (422 "must have required property"; 4 of 76). Measured on
``unreadable.yaml`` with the spec itself served: 48 of 68 Python Prism tests failed; with the copy: none. The SDKs
are generated and their Prism tests run by ``tests/corpus/prism_all.py``'s own steps."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

from generator.config import Target
from generator.pipeline import build_target

ROOT = Path(__file__).resolve().parents[2]
SPEC = Path(__file__).resolve().parent / "unreadable.yaml"
LARGE = Path(__file__).resolve().parent / "large.yaml"  # Prism answers 500 for its report: 4 of 8 tests fail
DEEP_OBJECT = {"style": "deepObject", "explode": True}


def _sdk(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    out = tmp_path / "sdk"
    files = build_target(Target(spec=str(SPEC), output=str(out), package="fx_unreadable"), ROOT).files
    for rel, text in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    return out, files


def test_the_copy_reads_the_spec_as_prism_can(tmp_path: Path) -> None:
    _, files = _sdk(tmp_path)
    copy = json.loads(files["tests/openapi.yaml"])
    assert list(copy["paths"]) == ["/runs/{run_id}", "/runs/{run_id}/steps/{step_0_}", "/labels/{ids}",
                                   "/matrix/{pair}", "/headers", "/delimited", "/home", "/both", "/impossible", "/form", "/pets", "/config", "/owners/{owner}", "/domains", "/settings", "/search", "/uploads", "/events"]
    assert copy["components"]["parameters"]["RunId"]["name"] == "run_id"
    step = copy["paths"]["/runs/{run_id}/steps/{step_0_}"]["get"]["parameters"][1]
    assert step == {"name": "step_0_", "in": "path", "required": True, "schema": {"type": "integer"}}
    label = copy["paths"]["/labels/{ids}"]["get"]["parameters"][0]
    assert label == {"name": "ids", "in": "path", "required": True, "schema": {}}  # no style: Prism's simple
    assert [p["schema"] for p in copy["paths"]["/headers"]["get"]["parameters"]] == [{}, {}]
    assert copy["paths"]["/delimited"]["get"]["parameters"][0]["schema"] == {}
    assert copy["paths"]["/home"]["get"]["parameters"] == []
    assert copy["paths"]["/both"]["post"]["security"] == [{"key": [], "token": []}]  # the last wins in the SDKs
    impossible = copy["paths"]["/impossible"]
    assert impossible["put"]["requestBody"]["content"]["application/json"]["schema"] == {"type": "string"}
    odd = impossible["post"]["requestBody"]["content"]["application/json"]["schema"]["properties"]["odd"]
    assert odd == {"type": "integer"}  # the part the SDK types it as (and builds its example from)
    form = copy["paths"]["/form"]["post"]["requestBody"]["content"]["multipart/form-data"]
    assert form["schema"]["properties"] == {"tags": {}, "pair": {}} and form["encoding"] == {}
    pets = copy["paths"]["/pets"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert pets == {"anyOf": [{"$ref": "#/components/schemas/Pair"}, {"$ref": "#/components/schemas/Ok"}]}
    config = copy["paths"]["/config"]["get"]["responses"]["200"]["content"]["application/x-yaml"]
    assert config == {"schema": {"type": "string"}}  # Prism has no YAML serializer (it answered 500)
    assert copy["components"]["schemas"]["Owner"] == {"type": "string", "maxLength": 24}  # no uuid is that short
    domains = copy["paths"]["/domains"]["post"]["requestBody"]["content"]["application/x-www-form-urlencoded"]
    ids = {"type": "array", "items": {"type": "string"}}
    assert domains["schema"]["properties"] == {"ids": {"anyOf": [ids, {"type": "string"}]}}  # ids=a: one item
    settings = copy["paths"]["/settings"]["patch"]["requestBody"]
    assert settings["required"] is False and settings["content"]["*/*"] == {}  # an empty form is no bytes
    assert copy["paths"]["/form"]["post"]["requestBody"]["content"]["*/*"] == {}  # optional: maybe no Content-Type
    assert copy["paths"]["/search"]["get"]["requestBody"]["required"] is False  # fetch sends no body with GET
    upload = copy["paths"]["/uploads"]["post"]["requestBody"]["content"]["multipart/form-data"]
    # the allOf read as one object; objects sent as name[key] parts are declared deepObject (Prism gathers them)
    assert upload["encoding"] == {"image": DEEP_OBJECT, "meta": DEEP_OBJECT, "expires": DEEP_OBJECT}
    assert upload["schema"]["required"] == ["image", "meta", "tags[]"]  # pairs[][name] parts: not gathered
    assert list(upload["schema"]["properties"]) == ["image", "note", "meta", "expires", "pairs[]", "tags[]"]
    expires = upload["schema"]["properties"]["expires"]  # optional: absent, Prism gathers {anchor: undefined, ...}
    assert expires["anyOf"][1] == {"not": {"anyOf": [{"required": ["anchor"]}, {"required": ["seconds"]}]}}
    tags = {"type": "array", "items": {"type": "string", "enum": ["red", "blue"]}}
    assert upload["schema"]["properties"]["tags[]"] == {"anyOf": [tags, tags["items"]]}  # Prism keeps the last part
    (query_filter, _) = copy["paths"]["/events"]["get"]["parameters"]
    assert query_filter["schema"]["properties"] == {"user_id": {"type": "string"}, "email": {"type": "string"}}


def test_the_generated_prism_tests_pass_against_the_copy(tmp_path: Path, prism_all: ModuleType) -> None:
    python = prism_all.python_prism(SPEC, tmp_path)
    assert (python.passed, python.failed, python.broken) == (76, 0, ""), python.broken
    typescript = prism_all.typescript_prism(SPEC, tmp_path)
    assert (typescript.passed, typescript.failed, typescript.broken) == (19, 0, ""), typescript.broken
    large = prism_all.python_prism(LARGE, tmp_path / "large")
    assert (large.passed, large.failed, large.broken) == (8, 0, ""), large.broken


def test_a_response_too_large_for_prism_to_sample_gets_the_sdks_example(tmp_path: Path) -> None:
    files = build_target(Target(spec=str(LARGE), output=str(tmp_path / "sdk"), package="fx_large"), ROOT).files
    copy = json.loads(files["tests/openapi.yaml"])
    report = copy["components"]["responses"]["Report"]["content"]["application/json"]
    assert set(report["example"]) == {f"m{i}" for i in range(20)}
    assert set(report["example"]["m0"]["l0"]) == {f"v{i}" for i in range(10)}
    assert "example" not in copy["paths"]["/leaves"]["get"]["responses"]["200"]["content"]["application/json"]
