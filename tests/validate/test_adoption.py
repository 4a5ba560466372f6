"""Adopting `sdkforge validate` on an existing spec: the ignore file, inline `x-sdkforge-ignore`, and the CI report
formats (junit, gitlab, json's rule names)."""

from __future__ import annotations

import argparse
import io
import json
import xml.etree.ElementTree as ET
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
import yaml

from generator.cli.validate import add_parser

SPEC = """\
openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /a/{id}:
    get:
      operationId: op1
      responses:
        '200': {description: ok}
  /b:
    get:
      operationId: op2
      responses:
        '404': {description: nope}
"""
UNDECLARED = ("SF011", "/paths/~1a~1{id}/get")
NO_SUCCESS = ("SF015", "/paths/~1b/get/responses")


def _validate(*argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="sdkforge")
    add_parser(parser.add_subparsers())
    args = parser.parse_args(["validate", *argv])
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = args.func(args)
    return code, out.getvalue(), err.getvalue()


def _found(out: str) -> set[tuple[str, str]]:
    return {(d["rule"], d["pointer"]) for d in json.loads(out)["diagnostics"]}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "api").mkdir()
    (tmp_path / "api" / "openapi.yaml").write_text(SPEC)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_generated_ignore_file_suppresses_exactly_the_findings_of_the_day(project: Path) -> None:
    assert _found(_validate("api/openapi.yaml", "--format", "json")[1]) == {UNDECLARED, NO_SUCCESS}
    code, _out, err = _validate("api/openapi.yaml", "--generate-ignore-file")
    assert code == 0 and "wrote 2 finding(s) to .sdkforge-ignore.yaml" in err
    written = yaml.safe_load((project / ".sdkforge-ignore.yaml").read_text())
    assert written == {"api/openapi.yaml": {"SF011": [UNDECLARED[1]], "SF015": [NO_SUCCESS[1]]}}
    code, out, _err = _validate("api/openapi.yaml")  # ./.sdkforge-ignore.yaml is found by default
    assert code == 0 and out == "no problems found (2 finding(s) ignored)\n"
    # lines move (a comment above everything): the entries still match; a new finding still fails
    spec = project / "api" / "openapi.yaml"
    spec.write_text("# moved\n" + SPEC.replace("  /b:", "  /c/{x}:\n    get:\n      operationId: op3\n"
                                                    "      responses: {'200': {description: ok}}\n  /b:"))
    code, out, _err = _validate("api/openapi.yaml", "--format", "json")
    assert code == 1
    assert _found(out) == {("SF011", "/paths/~1c~1{x}/get")}
    assert json.loads(out)["summary"]["ignored"] == 2


def test_ignore_file_by_rule_name_relative_to_its_folder_and_stale_entries(project: Path) -> None:
    (project / "ci").mkdir()
    (project / "ci" / "ignore.yaml").write_text(
        "../api/openapi.yaml:\n  path-param-undeclared: ['/paths/~1a~1{id}/get']\n  SF010: ['/paths/~1gone']\n")
    code, out, err = _validate("api/openapi.yaml", "--ignore-file", "ci/ignore.yaml", "--format", "json")
    assert code == 0  # SF015 is a warning
    assert _found(out) == {NO_SUCCESS}
    assert "1 entry of ci/ignore.yaml match no finding any more" in err  # a fixed finding: said, never a failure


def test_ignore_file_errors_are_usage_errors(project: Path) -> None:
    assert _validate("api/openapi.yaml", "--ignore-file", "missing.yaml")[0] == 2
    (project / "bad.yaml").write_text("api/openapi.yaml: [SF011]\n")
    code, _out, err = _validate("api/openapi.yaml", "--ignore-file", "bad.yaml")
    assert code == 2 and "must map rule ids or names" in err


def test_inline_ignore_covers_the_object_and_below(project: Path) -> None:
    spec = project / "api" / "openapi.yaml"
    spec.write_text(SPEC.replace("  /a/{id}:\n", "  /a/{id}:\n    x-sdkforge-ignore: [path-param-undeclared]\n")
                    .replace("      operationId: op2\n", "      operationId: op2\n      x-sdkforge-ignore: SF011\n"))
    _code, out, _err = _validate("api/openapi.yaml", "--format", "json")
    assert _found(out) == {NO_SUCCESS}  # SF011 is silenced under /paths/~1a~1{id}; SF015 was not named at /b
    assert json.loads(out)["summary"]["ignored"] == 1


def test_json_diagnostics_carry_the_rule_name(project: Path) -> None:
    names = {d["rule"]: d["name"] for d in json.loads(_validate("api/openapi.yaml", "--format", "json")[1])["diagnostics"]}
    assert names == {"SF011": "path-param-undeclared", "SF015": "no-success-response"}


def test_junit_a_suite_per_file_a_case_per_finding(project: Path) -> None:
    (project / "clean.yaml").write_text("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n")
    code, out, _err = _validate("api/openapi.yaml", "clean.yaml", "--format", "junit")
    assert code == 1
    root = ET.fromstring(out)
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {"api/openapi.yaml", "clean.yaml"}
    cases = {c.get("name"): c for c in suites["api/openapi.yaml"].iter("testcase")}
    assert set(cases) == {"SF011 path-param-undeclared at /paths/~1a~1{id}/get",
                          "SF015 no-success-response at /paths/~1b/get/responses"}
    error = cases["SF011 path-param-undeclared at /paths/~1a~1{id}/get"]
    assert error.get("line") == "5" and error.find("failure") is not None
    assert cases["SF015 no-success-response at /paths/~1b/get/responses"].find("skipped") is not None
    assert [c.get("name") for c in suites["clean.yaml"].iter("testcase")] == ["valid"]
    assert (root.get("tests"), root.get("failures"), root.get("skipped")) == ("3", "1", "1")
    strict = ET.fromstring(_validate("api/openapi.yaml", "--format", "junit", "--strict")[1])
    assert strict.get("failures") == "2"  # with --strict a warning fails too


def test_gitlab_code_quality(project: Path) -> None:
    code, out, _err = _validate("api/openapi.yaml", "--format", "gitlab")
    assert code == 1
    issues = json.loads(out)
    assert {(i["check_name"], i["severity"], i["location"]["path"], i["location"]["lines"]["begin"])
            for i in issues} == {("SF011", "major", "api/openapi.yaml", 5), ("SF015", "minor", "api/openapi.yaml", 12)}
    assert all(i["description"] and len(i["fingerprint"]) == 64 for i in issues)
    # the fingerprint survives lines moving (GitLab tells new issues from old ones by it)
    (project / "api" / "openapi.yaml").write_text("# moved\n\n" + SPEC)
    moved = json.loads(_validate("api/openapi.yaml", "--format", "gitlab")[1])
    assert {i["fingerprint"] for i in moved} == {i["fingerprint"] for i in issues}
    assert {i["location"]["lines"]["begin"] for i in moved} == {7, 14}


@pytest.mark.parametrize("chunk", [1, 7, 17, 64])
def test_inline_key_is_found_across_read_pieces(tmp_path: Path, chunk: int) -> None:
    from generator.validate.ignores.inline import _mentions_key

    spec = tmp_path / "s.yaml"
    for offset in range(0, 40, 3):
        spec.write_bytes(b"a" * offset + b"x-sdkforge-ignore: [SF011]\n")
        assert _mentions_key(spec, chunk)
    spec.write_bytes(b"x-sdkforge-ignor" * 10)
    assert not _mentions_key(spec, chunk)
