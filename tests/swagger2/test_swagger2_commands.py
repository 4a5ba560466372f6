"""Swagger 2.0 through the commands: validate and generate name the 2.0 file and line (split specs included), diff
compares two 2.0 specs, and a version sdkforge cannot read says which it can."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.changelog import load_side
from generator.config import Target
from generator.diff import diff_apis
from generator.errors import SpecError
from generator.pipeline import build_target
from generator.validate.checks import validate_paths

SPECS = Path(__file__).resolve().parents[1] / "fixtures" / "specs" / "swagger2"


def test_validate_names_the_file_line_and_pointer_in_a_split_spec() -> None:
    (found,) = validate_paths([SPECS / "split" / "spec.yaml"])
    assert (found.rule, Path(found.file).name, found.line, found.column, found.pointer) == \
        ("SF020", "definitions.yaml", 10, 9, "/definitions/Thing/properties/size/default")


def test_validate_names_2_0_references_as_written(tmp_path: Path) -> None:
    spec = tmp_path / "s.yaml"
    spec.write_text('swagger: "2.0"\ninfo: {title: t, version: "1"}\nparameters: {}\npaths:\n  /a:\n    get:\n'
                    "      parameters: [{$ref: '#/parameters/Nope'}]\n      responses: {'200': {description: ok}}\n")
    (found,) = validate_paths([spec])
    assert (found.rule, found.line, found.pointer) == ("SF002", 7, "/paths/~1a/get/parameters/0/$ref")
    assert "'#/parameters/Nope'" in found.message and "components" not in found.message


def test_generate_warnings_name_the_2_0_places(tmp_path: Path) -> None:
    target = Target(spec=str(SPECS / "split" / "spec.yaml"), output=str(tmp_path / "out"), package="split")
    generated = build_target(target, tmp_path)
    (warning,) = generated.warnings
    assert warning.endswith("definitions.yaml:10:9: SF020 default 'large' is not of type integer "
                            "(at /definitions/Thing/properties/size/default)")
    assert '"openapi": "3.0.3"' in generated.files["tests/openapi.yaml"]  # Prism serves the upgraded document


def test_generate_reports_what_the_upgrade_read_leniently(tmp_path: Path) -> None:
    spec = tmp_path / "s.yaml"
    spec.write_text('swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      parameters:\n'
                    "        - {name: t, in: query, type: array, items: {type: string}, collectionFormat: tsv}\n"
                    "      responses: {'200': {description: ok}}\n")
    target = Target(spec=str(spec), output=str(tmp_path / "out"), package="lenient")
    expected = (f"{spec}:7:68: SF091 collectionFormat 'tsv' has no OpenAPI 3 equivalent for an `in: query` parameter; "
                "read as csv (comma-separated) (at /paths/~1a/get/parameters/0/collectionFormat)")
    assert build_target(target, tmp_path).warnings == (expected,)
    with pytest.raises(SpecError, match="SF091") as raised:
        build_target(target, tmp_path, rules={"SF091": "error"})
    assert (raised.value.line, raised.value.pointer) == (7, "/paths/~1a/get/parameters/0/collectionFormat")


def test_diff_between_two_2_0_specs(tmp_path: Path) -> None:
    old = SPECS / "petstore.yaml"
    new = tmp_path / "petstore.yaml"
    new.write_text(old.read_text().replace("    type: integer\n    default: 20", "    type: string\n    default: '20'"))
    changes = diff_apis(load_side(old), load_side(new))
    assert [c.breaking for c in changes if "limit" in c.where] == [True], changes


def test_an_unreadable_version_says_which_ones_are_read(tmp_path: Path) -> None:
    spec = tmp_path / "s.yaml"
    spec.write_text('swagger: "1.2"\ninfo: {title: t, version: "1"}\npaths: {}\n')
    with pytest.raises(SpecError, match="unsupported 'swagger' version '1.2'") as raised:
        build_target(Target(spec=str(spec), output=str(tmp_path / "out"), package="old"), tmp_path)
    assert "Swagger 2.0" in raised.value.hint and raised.value.line == 1


def test_generate_explains_what_the_3_0_parse_refuses_the_2_0_way(tmp_path: Path) -> None:
    spec = tmp_path / "s.yaml"
    spec.write_text('swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n'
                    "      parameters: [{name: q, in: querystring, type: string}]\n"
                    "      responses: {'200': {description: ok}}\n")
    with pytest.raises(SpecError) as raised:
        build_target(Target(spec=str(spec), output=str(tmp_path / "out"), package="bad"), tmp_path)
    found = raised.value
    assert (found.rule, found.line, found.pointer) == ("SF090", 6, "/paths/~1a/get/parameters/0/in")
    assert found.message == "SF090 parameter `in` must be one of query, header, path, formData, body, not 'querystring'"
