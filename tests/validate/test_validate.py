"""sdkforge validate: the broken-spec corpus, output formats, exit codes, config, and the OpenAI spec."""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import time
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from generator.cli.validate import add_parser
from generator.errors import SpecError
from generator.load.document import load_spec
from generator.load.positions import locate
from generator.targets.python.checks import NAMES, checks
from generator.validate import checks as validate
from generator.validate.levels import read_config
from generator.validate.report import render_text
from generator.validate.rules import RULES


def validate_paths(paths, rules=None):
    """What `sdkforge validate` reports: the Python target's naming judges the name collisions (SF050-SF052)."""
    return validate.validate_paths(paths, rules, names=NAMES)


def validate_document(doc, rules=None):
    return validate.validate_document(doc, rules, names=NAMES)


HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
OPENAI = Path(__file__).resolve().parents[3] / "shared" / "specs" / "openai-openapi.yaml"
if not OPENAI.exists():
    OPENAI = Path("/work/shared/specs/openai-openapi.yaml")

# file -> the exact set of (rule id, JSON pointer) it must produce; "@file" when reported in another file
CORPUS_EXPECTED: dict[str, set[tuple[str, str]]] = {
    "dir_spec.yaml": {("SF000", "")},
    "sf000_alias_bomb.yaml": {("SF000", "")},
    "sf000_bad.json": {("SF000", "")},
    "sf000_deep.json": {("SF000", "")},
    "sf000_deep.yaml": {("SF000", "")},
    "sf000_empty.yaml": {("SF000", "")},
    "sf000_latin1.yaml": {("SF000", "")},
    "sf000_not_mapping.yaml": {("SF000", "")},
    "sf000_not_yaml.yaml": {("SF000", "")},
    "sf000_plain_text.yaml": {("SF000", "")},
    "sf000_recursive_alias.yaml": {("SF000", "")},
    "sf001_bad_schema_type.yaml": {("SF001", "/paths/~1a/get/parameters/0/schema/type")},
    "sf001_missing_version.yaml": {("SF001", "/info")},
    "sf001_openapi_2.yaml": {("SF001", "/openapi")},
    "sf002_bad_fragment.yaml": {("SF002", "/components/schemas/A/$ref")},
    "sf002_missing_file.yaml": {("SF002", "/components/schemas/A/$ref")},
    "sf002_not_object.yaml": {("SF002", "/components/schemas/B/$ref")},
    "sf002_unresolved.yaml": {("SF002", "/paths/~1a/get/parameters/0/$ref")},
    "sf003_cycle.yaml": {("SF003", "/components/schemas/A/$ref")},
    "sf003_self.yaml": {("SF003", "/components/schemas/A/$ref")},
    "sf004_url_ref.yaml": {("SF004", "/components/schemas/A/$ref")},
    "sf005_dup_key.json": {("SF005", "/components/schemas/A")},
    "sf005_dup_key.yaml": {("SF005", "/components/schemas/A/type")},
    "sf010_dup_operation_id.yaml": {("SF010", "/paths/~1b/get/operationId")},
    "sf011_undeclared.yaml": {("SF011", "/paths/~1a~1{id}/get")},
    "sf012_not_in_template.yaml": {("SF012", "/paths/~1a/get/parameters/0")},
    "sf013_not_required.yaml": {("SF013", "/paths/~1a~1{id}/get/parameters/0")},
    "sf013_required_false.yaml": {("SF013", "/paths/~1a~1{id}/parameters/0/required")},
    "sf014_dup_param.yaml": {("SF014", "/paths/~1a/get/parameters/1")},
    "sf014_dup_param_path_level.yaml": {("SF014", "/paths/~1a/parameters/1")},
    "sf015_no_success.yaml": {("SF015", "/paths/~1a/get/responses")},
    "sf016_bad_range.yaml": {("SF016", "/paths/~1a/get/responses/2xx")},
    "sf016_bad_status.yaml": {("SF016", "/paths/~1a/get/responses/999")},
    "sf017_unquoted_status.yaml": {("SF017", "/paths/~1a/get/responses/200")},
    "sf018_hop_by_hop_header.yaml": {
        ("SF018", "/paths/~1speech/post/responses/200/headers/Transfer-Encoding"),
        ("SF018", "/components/responses/Busy/headers/connection"),
    },
    "sf020_date_time.yaml": {("SF020", "/components/schemas/A/properties/at/default")},
    "sf020_enum_default.yaml": {("SF020", "/components/schemas/A/properties/color/default")},
    "sf020_int32_range.yaml": {("SF020", "/components/schemas/A/properties/n/default")},
    "sf020_max_length.yaml": {("SF020", "/components/schemas/A/properties/s/default")},
    "sf020_openapi30_ref_enum.yaml": {("SF020", "/components/schemas/A/properties/c/default")},
    "sf020_param_type.yaml": {("SF020", "/paths/~1a/get/parameters/0/schema/default")},
    "sf020_uuid_default.yaml": {("SF020", "/components/schemas/A/properties/id/default")},
    "sf021_enum_entry.yaml": {("SF021", "/components/schemas/A/enum/2")},
    "sf022_const.yaml": {("SF022", "/components/schemas/A/const")},
    "sf023_example.yaml": {("SF023", "/components/schemas/A/example")},
    "sf023_media_example.yaml": {("SF023", "/paths/~1a/get/responses/200/content/application~1json/example")},
    "sf024_items_default.yaml": {("SF024", "/components/schemas/A/items/default")},
    "sf030_disc_missing.yaml": {("SF030", "/components/schemas/Pet/oneOf/1")},
    "sf030_disc_beside.yaml": set(),  # declared by the schema holding the discriminator (readme-discriminators)
    "sf031_disc_mapping.yaml": {("SF031", "/components/schemas/Pet/discriminator/mapping/dog")},
    "sf040_op_security.yaml": {("SF040", "/paths/~1a/get/security/0/Oauth")},
    "sf040_root_security.yaml": {("SF040", "/security/0/ApiKey")},
    "sf050_schema_names.yaml": {("SF050", "/components/schemas/FooBar")},
    "sf051_property_names.yaml": {("SF051", "/components/schemas/A/properties/a_b")},
    "sf052_operation_names.yaml": {("SF052", "/paths/~1b/get/operationId")},
    "ext_error.yaml": {("SF020", "/components/schemas/Bad/properties/id/default")},
    # the lenient reading `sdkforge generate` applies (generator/leniency.py): warnings, and the checks see the fix
    "sf060_empty_enum.yaml": {("SF060", "/components/schemas/A/enum")},
    "sf061_exclusive_bound_3_1_form.yaml": {("SF061", "/components/schemas/A/exclusiveMinimum")},
    "sf062_exclusive_bound_3_0_form.yaml": set(),  # off by default: see CORPUS_RULES_ON
    "sf063_yaml11_boolean_enum.yaml": {("SF063", "/components/schemas/Answer/enum/0"),
                                       ("SF063", "/components/schemas/Answer/enum/2")},
    "sf064_webhooks_only.yaml": {("SF064", "")},
    "sf065_response_without_description.yaml": {("SF065", "/paths/~1a/get/responses/200")},
    "sf066_boolean_schema.yaml": {("SF066", "/components/schemas/A/items")},
    "sf067_const_in_3_0.yaml": {("SF067", "/components/schemas/A/const")},
    "sf068_nullable_in_3_1.yaml": set(),  # off by default: see CORPUS_RULES_ON
    "sf069_schema_examples_map.yaml": {("SF069", "/components/schemas/A/examples")},
    "sf070_type_yaml_null.yaml": {("SF070", "/components/schemas/A/type")},
    # a `$ref` where OpenAPI allows none, read as meant (generator/load/leniency/refs.py): no SF001/SF011 besides
    "sf071_operation_ref.yaml": {("SF071", "/paths/~1things~1{id}/get/$ref")},
    "sf072_string_ref.yaml": {("SF072", "/info/description/$ref"), ("SF072", "/tags/0/description/$ref")},
    "sf073_null_content.yaml": {("SF073", "/paths/~1a/put/requestBody/content")},
    # Swagger 2.0: its structure, and what the upgrade to 3.0 reads leniently (generator/load/swagger2/)
    "sf090_swagger2_structure.yaml": {("SF090", "/paths/~1a~1{id}/get/parameters/0"),
                                      ("SF090", "/paths/~1a~1{id}/get/parameters/1/in"),
                                      ("SF090", "/paths/~1a~1{id}/get/parameters/2/type"),
                                      ("SF090", "/paths/~1a~1{id}/get/responses/200"),
                                      ("SF090", "/securityDefinitions/oauth")},
    "sf091_swagger2_collection_format.yaml": {("SF091", "/paths/~1a/get/parameters/0/collectionFormat")},
    "sf092_swagger2_bodies.yaml": {("SF092", "/paths/~1a/post/parameters/1")},
    "sf093_swagger2_json_schema.yaml": {("SF093", "/definitions/A/properties/name/type")},
    "sf094_swagger2_info.yaml": {("SF094", "/info")},
    "sf095_swagger2_missing_definition.yaml": {("SF095", "/definitions/A/properties/b/$ref")},
}
# rules that are off by default, turned on: file -> (rules, expected)
CORPUS_RULES_ON: dict[str, tuple[dict[str, str], set[tuple[str, str]]]] = {
    "sf062_exclusive_bound_3_0_form.yaml": ({"SF062": "warning"}, {("SF062", "/components/schemas/A/exclusiveMinimum")}),
    "sf068_nullable_in_3_1.yaml": ({"SF068": "error"}, {("SF068", "/components/schemas/A/nullable")}),
}
# reported by `sdkforge generate` only (the generated field's type decides): pinned in tests/fixtures/test_lenient.py
GENERATE_ONLY = {"SF025"}
# diagnostics reported in another file than the one validated: file -> (reported file, line, column)
EXTERNAL = {"ext_error.yaml": ("ext/common.yaml", 6, 42)}


def test_corpus_is_big_enough_and_complete():
    on_disk = {p.name for p in CORPUS.iterdir() if p.name != "ext"}
    assert on_disk == set(CORPUS_EXPECTED)
    assert len(CORPUS_EXPECTED) >= 40
    # every sdk rule has at least one corpus case (the other rulesets' rules: their examples, tests/validate/)
    covered = {rule for pairs in CORPUS_EXPECTED.values() for rule, _ in pairs}
    covered |= {rule for _rules, pairs in CORPUS_RULES_ON.values() for rule, _ in pairs}
    sdk = {rule for rule, entry in RULES.items() if entry.ruleset == "sdk"}
    assert covered | GENERATE_ONLY == sdk and not covered & GENERATE_ONLY


@pytest.mark.parametrize("name", sorted(CORPUS_RULES_ON))
def test_corpus_rules_off_by_default_when_turned_on(name, monkeypatch):
    monkeypatch.chdir(CORPUS)
    rules, expected = CORPUS_RULES_ON[name]
    diagnostics = validate_paths([name], rules)
    assert {(d.rule, d.pointer) for d in diagnostics} == expected
    assert all(d.severity == rules[d.rule] and d.line >= 1 for d in diagnostics)


@pytest.mark.parametrize("name", sorted(CORPUS_EXPECTED))
def test_corpus(name, monkeypatch):
    monkeypatch.chdir(CORPUS)
    diagnostics = validate_paths([name])
    assert {(d.rule, d.pointer) for d in diagnostics} == CORPUS_EXPECTED[name]
    for d in diagnostics:
        assert d.hint and d.message and d.severity in ("error", "warning")
        if d.rule != "SF000":
            assert d.line >= 1 and d.column >= 1
    if name in EXTERNAL:
        (d,) = diagnostics
        assert (Path(d.file).as_posix().endswith(EXTERNAL[name][0]), d.line, d.column) == (True, *EXTERNAL[name][1:])
    else:
        assert all(d.file == name for d in diagnostics)


@pytest.mark.parametrize("name", sorted(CORPUS_EXPECTED))
def test_corpus_cli_never_tracebacks(name, monkeypatch, capsys):
    monkeypatch.chdir(CORPUS)
    code = _run([name, "--format", "json"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    payload = json.loads(out)
    rules = {d["rule"] for d in payload["diagnostics"]}
    if "SF000" in rules:
        assert code == 2
    elif any(d["severity"] == "error" for d in payload["diagnostics"]):
        assert code == 1
    else:
        assert code == 0
        assert _run([name, "--strict"]) == (1 if payload["diagnostics"] else 0)  # a rule off by default: clean


def test_alias_bomb_is_fast():
    start = time.perf_counter()
    with pytest.raises(SpecError, match="alias"):
        load_spec(CORPUS / "sf000_alias_bomb.yaml")
    assert time.perf_counter() - start < 5


def test_locate_yaml_and_json(tmp_path):
    doc = load_spec(CORPUS / "sf020_uuid_default.yaml")
    assert locate(doc, "/components/schemas/A/properties/id") == (8, 9)
    assert locate(doc, "") == (1, 1)
    assert locate(doc, "/nope/deeper") == (1, 1)
    spec = tmp_path / "s.json"
    spec.write_text('{\n  "openapi": "3.1.0",\n  "info": {"title": "t\\/x", "version": "1"},\n  "paths": {}\n}\n')
    doc = load_spec(spec)
    assert locate(doc, "/info/version") == (3, 29)
    assert validate_document(doc) == []


def test_merge_keys_are_not_duplicates(tmp_path):
    spec = tmp_path / "m.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    Base: &base {type: object, description: base}\n    Derived:\n      <<: *base\n      description: derived\n"
    )
    assert validate_paths([spec]) == []


# --- formats ---------------------------------------------------------------------------------------------------


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="sdkforge")
    sub = parser.add_subparsers()
    add_parser(sub)
    args = parser.parse_args(["validate", *argv])
    return args.func(args)


def _output(argv: list[str]) -> tuple[int, str]:
    buf = io.StringIO()
    with redirect_stdout(buf):
        code = _run(argv)
    return code, buf.getvalue()


MIXED = ["sf015_no_success.yaml", "sf020_uuid_default.yaml", "sf003_cycle.yaml"]


def test_json_format(monkeypatch):
    jsonschema = pytest.importorskip("jsonschema")
    monkeypatch.chdir(CORPUS)
    code, out = _output([*MIXED, "--format", "json"])
    assert code == 1
    payload = json.loads(out)
    jsonschema.validate(payload, json.loads((HERE / "json-report.schema.json").read_text()))
    assert payload["summary"] == {"errors": 2, "warnings": 1, "files": 3, "ignored": 0}
    assert {d["rule"] for d in payload["diagnostics"]} == {"SF015", "SF020", "SF003"}


def test_sarif_format(monkeypatch):
    jsonschema = pytest.importorskip("jsonschema")
    monkeypatch.chdir(CORPUS)
    code, out = _output([*MIXED, "ext_error.yaml", "--format", "sarif"])
    assert code == 1
    log = json.loads(out)
    jsonschema.validate(log, json.loads((HERE / "sarif-2.1.0-subset.schema.json").read_text()))
    results = log["runs"][0]["results"]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert len(results) == 4
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert "ext/common.yaml" in uris


def test_github_format(monkeypatch):
    monkeypatch.chdir(CORPUS)
    code, out = _output([*MIXED, "--format", "github"])
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 3
    pattern = re.compile(r"^::(error|warning) file=([^,]+),line=(\d+),col=(\d+),title=(SF\d{3})::(.+)$")
    parsed = [pattern.match(line) for line in lines]
    assert all(parsed), lines
    assert {(m.group(1), m.group(2), m.group(5)) for m in parsed} == {
        ("warning", "sf015_no_success.yaml", "SF015"),
        ("error", "sf020_uuid_default.yaml", "SF020"),
        ("error", "sf003_cycle.yaml", "SF003"),
    }


def test_text_format(monkeypatch):
    monkeypatch.chdir(CORPUS)
    monkeypatch.delenv("NO_COLOR", raising=False)
    code, out = _output(["sf020_uuid_default.yaml"])
    assert code == 1
    assert "\x1b[" not in out  # not a TTY
    assert "sf020_uuid_default.yaml:8:42: error SF020" in out
    assert "hint:" in out
    diagnostics = validate_paths(["sf020_uuid_default.yaml"])
    assert "\x1b[" in render_text(diagnostics, color=True)


# --- exit codes and config -------------------------------------------------------------------------------------


def test_exit_codes(monkeypatch, tmp_path):
    monkeypatch.chdir(CORPUS)
    assert _output(["sf015_no_success.yaml"])[0] == 0  # warnings only
    assert _output(["sf015_no_success.yaml", "--strict"])[0] == 1
    assert _output(["sf020_uuid_default.yaml"])[0] == 1
    assert _output(["sf000_empty.yaml", "sf020_uuid_default.yaml"])[0] == 2
    assert _output(["does-not-exist.yaml"])[0] == 2
    assert _output(["sf015_no_success.yaml", "--config", str(tmp_path / "none.toml")])[0] == 2
    with pytest.raises(SystemExit) as exc:
        _run(["--format", "xml", "x.yaml"])
    assert exc.value.code == 2


def test_config_relevels(tmp_path, monkeypatch):
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.sdkforge.validate]\nrules = {SF015 = "error", SF020 = "off", sf003 = "warning"}\n')
    assert read_config(config) == {"SF015": "error", "SF020": "off", "SF003": "warning"}
    monkeypatch.chdir(CORPUS)
    code, out = _output([*MIXED, "--format", "json", "--config", str(config)])
    payload = json.loads(out)
    assert {(d["rule"], d["severity"]) for d in payload["diagnostics"]} == {("SF015", "error"), ("SF003", "warning")}
    assert code == 1
    config.write_text('[tool.sdkforge.validate]\nrules = {SF999 = "off"}\n')
    assert _output(["sf015_no_success.yaml", "--config", str(config)])[0] == 2
    config.write_text('[tool.sdkforge.validate]\nrules = {SF015 = "loud"}\n')
    assert _output(["sf015_no_success.yaml", "--config", str(config)])[0] == 2
    # ./pyproject.toml is read when no --config is given
    config.write_text('[tool.sdkforge.validate]\nrules = {SF015 = "off"}\n')
    monkeypatch.chdir(tmp_path)
    assert _output([str(CORPUS / "sf015_no_success.yaml"), "--strict"])[0] == 0


# --- the real-world spec ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def openai_diagnostics():
    if not OPENAI.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{OPENAI} is missing (required in CI)")
        pytest.skip(f"{OPENAI} not available")
    return validate_paths([OPENAI])


def test_openai_spec_has_no_errors(openai_diagnostics):
    errors = [d for d in openai_diagnostics if d.severity == "error"]
    assert errors == []
    assert all(d.line > 0 for d in openai_diagnostics)


def test_yaml_config(tmp_path, monkeypatch):
    (tmp_path / "sdkforge.yaml").write_text("validate:\n  rules: {SF015: error}\n")
    monkeypatch.chdir(tmp_path)
    assert _output([str(CORPUS / "sf015_no_success.yaml")])[0] == 1


def test_through_the_cli(monkeypatch, capsys):
    cli = pytest.importorskip("generator.cli")
    monkeypatch.chdir(CORPUS)
    assert cli.main(["validate", "sf003_cycle.yaml", "--format", "github"]) == 1
    assert capsys.readouterr().out.startswith("::error file=sf003_cycle.yaml,line=5,col=9,title=SF003::")
    assert cli.main(["validate", "sf015_no_success.yaml"]) == 0
    assert cli.main(["validate", "sf015_no_success.yaml", "--strict"]) == 1
    assert cli.main(["validate", "dir_spec.yaml"]) == 2


# --- name collisions: the target's naming, not validate's ------------------------------------------------------


@pytest.mark.parametrize("name", ["sf050_schema_names.yaml", "sf051_property_names.yaml",
                                  "sf052_operation_names.yaml"])
def test_name_collisions_come_from_the_target(name, monkeypatch):
    monkeypatch.chdir(CORPUS)
    assert {d.rule for d in validate.validate_paths([name])} == set()  # neutral: no naming, no collision
    assert {(d.rule, d.pointer) for d in checks(load_spec(name))} == CORPUS_EXPECTED[name]


def test_one_config_reader(tmp_path):
    """validate's rule levels and generate's configuration come from one reading of the same file."""
    from generator.config import load_config

    for name, text in (("pyproject.toml", '[tool.sdkforge.validate]\nrules = {SF015 = "error"}\n'),
                       ("sdkforge.yaml", "validate:\n  rules: {SF015: error}\n")):
        config = tmp_path / name
        config.write_text(text)
        assert read_config(config) == load_config(config)[0].validate_rules == {"SF015": "error"}
