"""Custom rules in Spectral's ruleset format (`sdkforge validate --ruleset FILE`): core functions, JSONPath forms,
messages, severities, overrides, formats, `resolved: false`, extends, and clear errors for what is not supported.

The expected findings of functions.spectral.yaml and paths.spectral.yaml are the ones Spectral 6.16 reports on the
same files (compared by hand; Spectral is not run here).
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from generator.cli import main

HERE = Path(__file__).parent / "custom"
API = HERE / "api.yaml"


def lint(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, str]], str]:
    code = main(["validate", "--format", "json", *args])
    out, err = capsys.readouterr()
    found = json.loads(out)["diagnostics"] if out.strip() else []
    return code, found, err


def custom(found: list[dict[str, str]]) -> set[tuple[str, str, str, str]]:
    """(rule, file name, pointer, message) of the findings that are not built-in rules'."""
    return {(d["rule"], Path(d["file"]).name, d["pointer"], d["message"]) for d in found if not d["rule"].startswith("SF")}


def ruleset(tmp_path: Path, text: str, name: str = "rules.spectral.yaml") -> str:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(path)


def test_core_functions_as_spectral_reports_them(capsys: pytest.CaptureFixture[str]) -> None:
    code, found, _err = lint(capsys, "--ruleset", str(HERE / "functions.spectral.yaml"), str(API))
    assert custom(found) == {
        ("openapi-version", "api.yaml", "/openapi",
         '"3.1.0" must be equal to one of the allowed values: "3.0.3", "3.1.1"'),
        ("info-schema", "api.yaml", "/info", '"info" property must have required property "contact"'),
        ("title-length", "api.yaml", "/info/title", '"title" property must be longer than 5'),
        ("tags-sorted", "api.yaml", "/tags", "properties must follow the alphabetical order"),
        ("operation-description", "api.yaml", "/paths/~1pets/get", "operations need a description"),
        ("summary-xor-description", "api.yaml", "/paths/~1pets/get",
         'At least one of "summary" or "description" must be defined'),
        ("operation-id-camel", "api.yaml", "/paths/~1pets/get/operationId", "operationId list_pets: must be camel case"),
        ("summary-xor-description", "api.yaml", "/paths/~1pets/post",
         'Just one of "description" and "summary" must be defined'),
        ("no-summary", "api.yaml", "/paths/~1pets/post/summary", '"summary" property must be falsy'),
        ("path-kebab", "api.yaml", "/paths/~1pets~1{id}", 'Object{} must not match the pattern "/{id}$"'),
    }
    assert code == 1  # operation-description is an error
    severities = {d["rule"]: d["severity"] for d in found}
    assert severities["operation-description"] == "error"
    assert severities["openapi-version"] == severities["tags-sorted"] == "warning"  # info and hint are warnings
    title = next(d for d in found if d["rule"] == "title-length")
    assert (title["line"], title["column"]) == (3, 3)


def test_jsonpath_forms_and_resolved_refs(capsys: pytest.CaptureFixture[str]) -> None:
    _code, found, _err = lint(capsys, "--ruleset", str(HERE / "paths.spectral.yaml"), str(API))
    assert custom(found) == {
        ("missing-contact", "api.yaml", "/info", '"info.contact.email" property must be truthy'),
        ("alias-operation-id", "api.yaml", "/paths/~1pets/get/operationId", '"list_pets" must not match the pattern "_"'),
        ("filter-query", "api.yaml", "/paths/~1pets/get/parameters/0/name", "must be camel case"),
        ("filter-query", "api.yaml", "/components/parameters/Offset/name", "must be camel case"),  # through $ref
        ("filter-query", "param.yaml", "/name", "must be camel case"),  # a filter sees what a $ref points at
        ("descendant-description", "api.yaml", "/paths/~1pets/get/responses/200/description",
         '"ok" must match the pattern "^[A-Z]"'),
        ("descendant-description", "api.yaml", "/paths/~1pets/post/responses/201/description",
         '"created" must match the pattern "^[A-Z]"'),
        ("descendant-description", "api.yaml", "/paths/~1pets~1{id}/delete/responses/204/description",
         '"gone" must match the pattern "^[A-Z]"'),
        ("wildcard-responses", "api.yaml", "/paths/~1pets/get/responses/200/description",
         '"description" property must be longer than 3'),
        ("raw-refs", "api.yaml", "/paths/~1pets/get/responses/200/content/application~1json/schema/$ref",
         '"schemas.yaml#/Pet" must not match the pattern "\\\\.yaml"'),  # resolved: false sees the $ref
        ("raw-refs", "api.yaml", "/paths/~1pets~1{id}/delete/parameters/0/$ref",
         '"param.yaml" must not match the pattern "\\\\.yaml"'),
        ("path-names", "api.yaml", "/paths/~1pets~1{id}", 'Object{} must not match the pattern "[{]"'),
        ("property-filter", "api.yaml", "/paths/~1pets~1{id}/delete", '"delete.tags" property must be truthy'),
        ("schema-properties", "schemas.yaml", "/Pet/properties/Age", "must be flat case"),  # in the $ref'd file
    }  # oas3-only (formats: [oas3.0]) does not run on this 3.1 document


@pytest.mark.parametrize("given", [
    "$.paths[*][get,put,post]", "$..parameters[?(@.in == 'query')]", "$..parameters[?(@.in === 'query')]",
    "$.paths[*][?(@property === 'get' || @property === 'post')]", "$..[?(@.example !== void 0)]", "$.paths[*]~",
    "$..[description,title]", "$.paths.*.*.responses[*]", "$.tags[0:2]", "$.tags[-1]", "$",
    "$.paths[?(@property.match(/^x-/))]", "$..[responses][?(@property[0] == '2')][headers]",
    "$.paths.'/pets'.get.responses.200.content.[schema]", "$..[content][application/json]",
    "$..parameters.[?(@.name && @.name.match && @.name.match(/^lim/i))]", "$.paths[?(@property.match('pets$'))]~",
])
def test_given_forms_compile(given: str) -> None:
    from generator.validate.custom.paths import compile_path

    assert compile_path(given).steps or given == "$"


@pytest.mark.parametrize("given", [
    "$..[?(@.in == 'query')]", "$..[?(@ && @.schema && @.schema.type == 'integer')]", "$..[?(!@.description)]",
    "$..[?(@['in'] != 'path' && @.name)]", "$..[?(@.schema.type)]",
])
def test_direct_member_lookups_select_what_the_library_selects(given: str) -> None:
    """Filters' `@.a.b` are looked up directly (paths.py); the nodes selected are the library's own answer."""
    from generator.load.document import load_spec
    from generator.validate.custom.engine import walk
    from generator.validate.custom.paths import ENV, compile_path

    doc = load_spec(API)
    ours = sorted(ptr for _pid, _value, _key, _doc, ptr in walk(doc, [compile_path(given)], None))
    library = sorted("/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in match.parts)
                     for match in ENV.finditer(given, doc.data))
    assert ours == library and ours


@pytest.mark.parametrize("given", ["$..[?(@.enum.constructor.name === 'Array')]", "$..[?(@property.endsWith('x'))]",
                                   "$..[?(@property[0] == 'ab')]", "$..[?(@parent.type)]", "info", "$.a | $.b"])
def test_given_javascript_is_refused(given: str) -> None:
    from generator.validate.custom.paths import PathError, compile_path

    with pytest.raises(PathError):
        compile_path(given)


def test_match_and_numeric_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = ruleset(tmp_path, """\
        rules:
          templated-paths:
            given: "$.paths[?(@property.match(/[{]id[}]$/))]~"
            then: {function: pattern, functionOptions: {match: "^/pets$"}}
          ok-responses:
            given: "$.paths[*][*].responses[200]"
            then: {field: description, function: length, functionOptions: {min: 5}}
        """)
    _code, found, _err = lint(capsys, "--ruleset", rules, str(API))
    assert {(d["rule"], d["pointer"]) for d in found if not d["rule"].startswith("SF")} == {
        ("templated-paths", "/paths/~1pets~1{id}"), ("ok-responses", "/paths/~1pets/get/responses/200/description")}


def test_jsonpath_plus_filters_select_as_spectral(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = ruleset(tmp_path, """\
        rules:
          success-described:
            given: "$..[responses][?(@property[0] == '2')]"
            then: {field: description, function: pattern, functionOptions: {match: "^[A-Z]"}}
          limit-param:
            given: "$.paths.'/pets'.get.parameters.[?(@.name && @.name.match && @.name.match(/^lim/i))]"
            then: {field: name, function: casing, functionOptions: {type: camel}}
          json-content:
            given: "$..[content][application/json].schema"
            then: {function: truthy}
          no-content:
            given: "$.paths[?(@property.match('[{]id[}]'))].delete.responses.204"
            then: {field: content, function: defined}
        """)
    _code, found, _err = lint(capsys, "--ruleset", rules, str(API))
    assert {(d["rule"], d["pointer"]) for d in found if not d["rule"].startswith("SF")} == {
        ("success-described", "/paths/~1pets/get/responses/200/description"),
        ("success-described", "/paths/~1pets/post/responses/201/description"),
        ("success-described", "/paths/~1pets~1{id}/delete/responses/204/description"),
        ("limit-param", "/paths/~1pets/get/parameters/0/name"),
        ("no-content", "/paths/~1pets~1{id}/delete/responses/204"),
    }


def test_schema_combinators_report_each_branch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = ruleset(tmp_path, """\
        rules:
          health-path:
            given: $.paths
            then:
              function: schema
              functionOptions:
                schema:
                  oneOf:
                    - {type: object, required: [/status]}
                    - {type: object, additionalProperties: false}
        """)
    _code, found, _err = lint(capsys, "--ruleset", rules, str(API))
    assert [d["message"] for d in found if d["rule"] == "health-path"] == [
        '"paths" property must have required property "/status"', 'Property "/pets" is not expected to be here',
        ('"paths" property must match exactly one schema in oneOf. None of the schemas matched, see the other errors '
         "reported for this value")]


def test_messages_fill_every_placeholder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = ruleset(tmp_path, """\
        rules:
          title-words:
            description: the title says what the API is
            message: "{{property}}={{value}} at {{path}}: {{error}} ({{description}})"
            given: $.info
            then: {field: title, function: length, functionOptions: {min: 10}}
        """)
    _code, found, _err = lint(capsys, "--ruleset", rules, str(API))
    (finding,) = [d for d in found if d["rule"] == "title-words"]
    assert finding["message"] == ('title=Pets at #/info/title: "title" property must be longer than 10 '
                                  "(the title says what the API is)")
    assert finding["hint"] == "the title says what the API is"


@pytest.mark.parametrize(("severity", "expected"), [
    ("error", "error"), ("warn", "warning"), ("info", "warning"), ("hint", "warning"), ("0", "error"), ("true", "warning"),
    ("off", None), ("false", None), ("-1", None),
])
def test_severities(tmp_path: Path, capsys: pytest.CaptureFixture[str], severity: str, expected: str | None) -> None:
    rules = ruleset(tmp_path, f"""\
        rules:
          contact:
            severity: {severity}
            given: $.info
            then: {{field: contact, function: truthy}}
        """)
    _code, found, _err = lint(capsys, "--ruleset", rules, str(API))
    assert [d["severity"] for d in found if d["rule"] == "contact"] == ([expected] if expected else [])


def test_overrides_by_file_and_pointer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "api.yaml"
    spec.write_text(API.read_text(encoding="utf-8"), encoding="utf-8")
    for name in ("schemas.yaml", "param.yaml"):
        (tmp_path / name).write_text((HERE / name).read_text(encoding="utf-8"), encoding="utf-8")
    rules = ruleset(tmp_path, """\
        rules:
          description-capital:
            given: $..description
            then: {function: pattern, functionOptions: {match: "^[A-Z]"}}
        overrides:
          - files: ["api.yaml#/paths/~1pets"]
            rules: {description-capital: off}
          - files: ["*.yaml"]
            rules: {path-params: error, SF011: off}
        """)
    _code, found, _err = lint(capsys, "--ruleset", rules, str(spec))
    assert {d["pointer"] for d in found if d["rule"] == "description-capital"} == {
        "/paths/~1pets~1{id}/delete/responses/204/description"}
    assert not [d for d in found if d["rule"] == "SF011"]  # a built-in rule turned off by an override


def test_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "api30.yaml"
    spec.write_text(API.read_text(encoding="utf-8").replace("3.1.0", "3.0.3"), encoding="utf-8")
    for name in ("schemas.yaml", "param.yaml"):
        (tmp_path / name).write_text((HERE / name).read_text(encoding="utf-8"), encoding="utf-8")
    rules = str(HERE / "paths.spectral.yaml")
    _code, found, _err = lint(capsys, "--ruleset", rules, str(spec))
    assert ("oas3-only", "api30.yaml", "/info", '"info.x-logo" property must be defined') in custom(found)


def test_unsupported_javascript_function_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = ruleset(tmp_path, """\
        functions: [checkTitle]
        rules:
          title-check:
            given: $.info
            then:
              function: checkTitle
        """)
    code = main(["validate", "--ruleset", rules, str(API)])
    err = capsys.readouterr().err
    assert code == 2
    assert "rules.spectral.yaml:6" in err and "'title-check'" in err and "JavaScript function" in err


@pytest.mark.parametrize(("then", "problem"), [
    ("{function: casing, functionOptions: {type: upper}}", '"type" option'),
    ("{function: pattern, functionOptions: {}}", "missing"),
    ("{function: truthy, functionOptions: {x: 1}}", "does not accept any options"),
    ("{function: pattern, functionOptions: {match: '(['}}", "regular expression"),
])
def test_bad_function_options_are_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str], then: str,
                                               problem: str) -> None:
    rules = ruleset(tmp_path, f"rules:\n  r:\n    given: $.info\n    then: {then}\n")
    code = main(["validate", "--ruleset", rules, str(API)])
    err = capsys.readouterr().err
    assert code == 2 and problem in err and "'r'" in err


def test_extends_spectral_oas_maps_onto_the_builtin_rules(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = ruleset(tmp_path, """\
        extends: [[spectral:oas, off]]
        rules:
          operation-tags: error
        """)
    _code, found, err = lint(capsys, "--ruleset", rules, str(API))
    names = {d["rule"] for d in found}
    assert "SF103" in names  # operation-tags, turned back on (DELETE /pets/{id} has no tags)
    assert not names & {"SF105", "SF112"}  # operation-description, info-contact: off with the rest of spectral:oas
    assert all(d["severity"] == "error" for d in found if d["rule"] == "SF103")
    assert err == ""


def test_extends_recommended_relevels_by_name_and_notes_missing(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    rules = ruleset(tmp_path, """\
        extends: spectral:oas
        rules:
          info-contact: off
        """)
    _code, found, err = lint(capsys, "--ruleset", rules, str(API))
    names = {d["rule"] for d in found}
    assert "SF105" in names and "SF112" not in names
    assert "oas3-schema" in err  # a spectral:oas rule sdkforge has no twin for is named, not silently skipped


def test_extends_a_ruleset_file_and_sdkforge_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ruleset(tmp_path, """\
        rules:
          contact:
            given: $.info
            then: {field: contact, function: truthy}
        """, name="base.yaml")
    rules = ruleset(tmp_path, """\
        extends: [./base.yaml, sdkforge:recommended]
        rules:
          contact: error
        """)
    _code, found, _err = lint(capsys, "--ruleset", rules, str(API))
    assert [d["severity"] for d in found if d["rule"] == "contact"] == ["error"]
    assert "SF105" in {d["rule"] for d in found}  # the recommended ruleset is on


def test_ruleset_mistakes_are_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for text, problem in (("rules:\n  no-such-rule: error\n", "'no-such-rule' is not defined"),
                          ("extends: '@acme/spectral-rules'\n", "not fetched"),
                          ("rules: [a]\n", "rules must be a mapping"),
                          ("rules:\n  r:\n    given: '#Op'\n    then: {function: truthy}\n", "unknown alias 'Op'")):
        code = main(["validate", "--ruleset", ruleset(tmp_path, text), str(API)])
        assert code == 2 and problem in capsys.readouterr().err


def test_config_extends_a_ruleset_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`[tool.sdkforge.validate] extends` names a ruleset file, relative to the configuration file."""
    ruleset(tmp_path, "rules:\n  contact:\n    given: $.info\n    then: {field: contact, function: truthy}\n",
            name=".spectral.yaml")
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.sdkforge.validate]\nextends = [".spectral.yaml"]\n', encoding="utf-8")
    _code, found, _err = lint(capsys, "--config", str(config), str(API))
    assert [d["pointer"] for d in found if d["rule"] == "contact"] == ["/info"]


@pytest.mark.parametrize("fmt", ["sarif", "github", "text"])
def test_report_formats_name_custom_rules(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    code = main(["validate", "--format", fmt, "--ruleset", str(HERE / "functions.spectral.yaml"), str(API)])
    out = capsys.readouterr().out
    assert code == 1 and "operation-description" in out
