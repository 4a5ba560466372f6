"""The recommended ruleset (SF100-SF149): each rule's documented examples, rule names in the config, ``extends``, and
the rules' judgement of multi-file specs and of the Spectral/Redocly semantics they follow."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.errors import UsageError
from generator.validate.checks import validate_paths
from generator.validate.levels import check_rule_config
from generator.validate.rules import RULES
from generator.validate.rulesets import with_rulesets

EXAMPLES = Path(__file__).resolve().parents[2] / "generator" / "validate" / "examples"
SPLIT = Path(__file__).resolve().parent / "recommended" / "split"
RECOMMENDED = sorted(rule for rule, entry in RULES.items() if entry.ruleset == "recommended")


def _found(spec: Path, rules: dict[str, str] | None = None) -> list[tuple[str, str, str]]:
    levels = with_rulesets(check_rule_config(rules), ["recommended"])
    return [(d.rule, Path(d.file).name, d.pointer) for d in validate_paths([spec], levels)]


def _spec(tmp_path: Path, text: str, name: str = "openapi.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("rule", RECOMMENDED)
def test_example_fails_then_passes(rule: str, tmp_path: Path) -> None:
    example = yaml.safe_load((EXAMPLES / f"{rule}.yaml").read_text(encoding="utf-8"))
    fail = {found for found, _file, _ptr in _found(_spec(tmp_path, example["fail"], "fail.yaml"))}
    passed = {found for found, _file, _ptr in _found(_spec(tmp_path, example["pass"], "pass.yaml"))}
    assert rule in fail
    assert rule not in passed


def test_rule_names_are_ids() -> None:
    assert check_rule_config({"operation-tags": "off", "no-$ref-siblings": "warning", "sf023": "error"}) == {
        "SF103": "off", "SF120": "warning", "SF023": "error"}
    with pytest.raises(UsageError, match="operation-tagz"):
        check_rule_config({"operation-tagz": "off"})


def test_sdk_is_the_default(tmp_path: Path) -> None:
    example = yaml.safe_load((EXAMPLES / "SF105.yaml").read_text(encoding="utf-8"))
    spec = _spec(tmp_path, example["fail"])
    assert not [d for d in validate_paths([spec]) if d.rule >= "SF100"]


def test_extends_in_config_and_names_relevelled(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    example = yaml.safe_load((EXAMPLES / "SF105.yaml").read_text(encoding="utf-8"))
    spec = _spec(tmp_path, example["fail"])
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.sdkforge.validate]\nextends = ["recommended"]\n'
                      '[tool.sdkforge.validate.rules]\noperation-tags = "off"\n', encoding="utf-8")
    main(["validate", "--format", "json", "--config", str(config), str(spec)])
    rules = {d["rule"] for d in json.loads(capsys.readouterr().out)["diagnostics"]}
    assert "SF105" in rules and "SF103" not in rules
    main(["validate", "--format", "json", "--ruleset", "sdk", "--config", str(config), str(spec)])
    assert not [d for d in json.loads(capsys.readouterr().out)["diagnostics"] if d["rule"] >= "SF100"]


def test_split_spec_judged_where_written() -> None:
    found = _found(SPLIT / "openapi.yaml")
    # the GET that two paths share is judged once, in the file it is written in
    assert found.count(("SF100", "pets.yaml", "/get")) == 1
    assert ("SF101", "pets.yaml", "/post/operationId") in found
    assert ("SF121", "schemas.yaml", "/Kind/enum") in found
    # a component used only from another file is used; the one nobody names is not
    assert ("SF123", "openapi.yaml", "/components/schemas/Unused") in found
    assert ("SF123", "openapi.yaml", "/components/schemas/Used") not in found
    assert ("SF130", "openapi.yaml", "/paths/~1pets~1all") not in found


@pytest.mark.parametrize(("paths", "rule", "expected"), [
    (("/a/{x}:\n    get: {responses: {'200': {description: d}}, parameters: [{name: x, in: path, required: true, "
     "schema: {type: string}}]}\n  /a/{y}:\n    get: {responses: {'200': {description: d}}, parameters: [{name: y, "
     "in: path, required: true, schema: {type: string}}]}\n"), "SF130", True),
    # a template against a literal segment is ambiguous too
    (("/a/{x}:\n    get: {responses: {'200': {description: d}}, parameters: [{name: x, in: path, required: true, "
     "schema: {type: string}}]}\n  /a/b:\n    get: {responses: {'200': {description: d}}}\n"), "SF130", True),
    (("/a/{x}/b:\n    get: {responses: {'200': {description: d}}, parameters: [{name: x, in: path, required: true, "
     "schema: {type: string}}]}\n  /a/{y}/c:\n    get: {responses: {'200': {description: d}}, parameters: [{name: y, "
     "in: path, required: true, schema: {type: string}}]}\n"), "SF130", False),
    # a dotted path parameter name is a name (Spectral's pattern misses it)
    (("/a/{p.id}:\n    get: {responses: {'200': {description: d}}, parameters: [{name: p.id, in: path, "
     "required: true, schema: {type: string}}]}\n"), "SF108", False),
    ("/a:\n    get: {responses: {default: {description: d}}}\n", "SF106", True),
    ("/a:\n    get: {responses: {2XX: {description: d}}}\n", "SF106", False),
    ("/a:\n    get: {responses: {2XX: {description: d}}, tags: [a]}\n", "SF104", True),
])
def test_path_and_operation_semantics(paths: str, rule: str, expected: bool, tmp_path: Path) -> None:
    spec = _spec(tmp_path, "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  " + paths)
    assert (rule in {found for found, _f, _p in _found(spec)}) is expected


@pytest.mark.parametrize(("schema", "version", "rule", "expected"), [
    ("{type: string, nullable: true, enum: [a, null]}", "3.0.3", "SF122", False),
    ("{type: string, enum: [a, null]}", "3.0.3", "SF122", True),
    ("{type: integer, enum: [1, 2.0]}", "3.1.0", "SF122", False),
    ("{type: integer, enum: [1, 1.0]}", "3.1.0", "SF121", True),
    ("{type: object, required: [a], allOf: [{properties: {a: {type: string}}}]}", "3.1.0", "SF134", False),
    ("{type: object, anyOf: [{required: [a]}], properties: {a: {type: string}}}", "3.1.0", "SF134", False),
    ("{type: object, oneOf: [{properties: {a: {}}}, {properties: {b: {}}}], required: [a]}", "3.1.0", "SF134", True),
    ("{nullable: true, allOf: [{type: string}]}", "3.1.0", "SF133", False),
    ("{type: string, description: d, $ref: '#/components/schemas/B'}", "3.1.0", "SF120", False),
    ("{type: string, description: d, $ref: '#/components/schemas/B'}", "3.0.3", "SF120", True),
])
def test_schema_semantics(schema: str, version: str, rule: str, expected: bool, tmp_path: Path) -> None:
    spec = _spec(tmp_path, f"openapi: {version}\ninfo: {{title: t, version: '1'}}\npaths: {{}}\ncomponents:\n"
                           f"  schemas:\n    A: {schema}\n    B: {{type: string}}\n")
    assert (rule in {found for found, _f, _p in _found(spec)}) is expected


@pytest.mark.parametrize(("part", "expected"), [
    ("{required: [a]}", False),  # the schema that lists it as an allOf branch through a $ref defines `a`
    ("{required: [b]}", True),
])
def test_required_defined_by_ref_parent(part: str, expected: bool, tmp_path: Path) -> None:
    spec = _spec(tmp_path, "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
                           "    Whole: {allOf: [{$ref: '#/components/schemas/Part'}], properties: {a: {type: string}}}\n"
                           f"    Part: {part}\n")
    assert (("SF134", "openapi.yaml", "/components/schemas/Part/required/0") in _found(spec)) is expected


@pytest.mark.parametrize(("top", "operation", "expected"), [
    ("", "", True),
    ("security: []\n", "", False),
    ("", "security: []\n      ", False),
])
def test_security_defined(top: str, operation: str, expected: bool, tmp_path: Path) -> None:
    spec = _spec(tmp_path, f"openapi: 3.1.0\ninfo: {{title: t, version: '1'}}\n{top}paths:\n  /a:\n    get:\n"
                           f"      {operation}responses: {{'200': {{description: d}}}}\n")
    assert (("SF132", "openapi.yaml", "/paths/~1a/get") in _found(spec)) is expected


@pytest.mark.parametrize(("server", "expected"), [
    ("{url: '/v1/{stage}', variables: {stage: {default: prod}}}", True),  # relative: not a URL once substituted
    ("{url: 'https://{host}/v1', variables: {host: {default: api.example.com}}}", False),
    ("{url: 'https://{host}/v1', variables: {host: {enum: [a.example.com], default: b.example.com}}}", True),
    ("{url: 'https://api.example.com', variables: {host: {default: a}}}", True),
])
def test_server_variables(server: str, expected: bool, tmp_path: Path) -> None:
    spec = _spec(tmp_path, f"openapi: 3.1.0\ninfo: {{title: t, version: '1'}}\nservers: [{server}]\npaths: {{}}\n")
    assert ("SF118" in {found for found, _f, _p in _found(spec)}) is expected


_MEDIA = ("openapi: {version}\ninfo: {{title: t, version: '1'}}\npaths:\n  /a:\n    post:\n"
          "      requestBody:\n        content:\n          application/json:\n            schema: {request}\n"
          "            examples: {{one: {{value: {example}}}, two: {{value: {example}}}}}\n"
          "      responses:\n        '200':\n          description: d\n          content:\n"
          "            application/json:\n              schema: {response}\n              example: {example}\n")
_READ_ONLY = "{type: object, required: [id], properties: {id: {type: string, readOnly: true}}}"


@pytest.mark.parametrize(("version", "request_schema", "response_schema", "example", "expected"), [
    # one finding per error Spectral reports: a failed oneOf, and each branch's first error (both examples)
    ("3.0.3", "{oneOf: [{type: object, required: [a]}, {type: object, required: [b]}]}", "{}", "{}",
     ["/requestBody/content/application~1json/examples/one/value"] * 3
     + ["/requestBody/content/application~1json/examples/two/value"] * 3),
    # at the failing value inside the example; ajv-formats' `url`
    ("3.0.3", "{type: object, properties: {u: {type: string, format: url}}}", "{}", "{u: nowhere}",
     ["/requestBody/content/application~1json/examples/one/value/u",
      "/requestBody/content/application~1json/examples/two/value/u"]),
    # a readOnly property is not required in a request, it is in a response
    ("3.0.3", _READ_ONLY, _READ_ONLY, "{}", ["/responses/200/content/application~1json/example"]),
    # `nullable` without `type`: Ajv cannot compile the schema, each example gets that one finding
    ("3.0.3", "{anyOf: [{type: string}], nullable: true}", "{}", "x",
     ["/requestBody/content/application~1json/examples/one/value",
      "/requestBody/content/application~1json/examples/two/value"]),
    # 3.1: a schema's `examples` map breaks the 2020-12 meta-schema: once per media type, then the examples count
    ("3.1.0", "{type: object, examples: {a: {value: 1}}}", "{}", "{}",
     ["/requestBody/content/application~1json/examples/one/value"]),
])
def test_media_example_findings(version: str, request_schema: str, response_schema: str, example: str,
                                expected: list[str], tmp_path: Path) -> None:
    spec = _spec(tmp_path, _MEDIA.format(version=version, request=request_schema, response=response_schema,
                                         example=example))
    found = [p.removeprefix("/paths/~1a/post") for rule, _f, p in _found(spec) if rule == "SF124"]
    assert sorted(found) == sorted(expected)


@pytest.mark.parametrize(("schemas", "expected"), [
    ("Node: {type: object, example: x, properties: {child: {$ref: '#/components/schemas/Node'}}}", False),
    (("Node: {type: object, example: x, properties: {child: {$ref: '#/components/schemas/Leaf'}}}\n"
      "    Leaf: {type: string}"), True),
])
def test_recursive_schema_example_skipped(schemas: str, expected: bool, tmp_path: Path) -> None:
    spec = _spec(tmp_path, "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
                           f"    {schemas}\n")
    assert (("SF125", "openapi.yaml", "/components/schemas/Node/example") in _found(spec)) is expected


def test_example_schemas_written_alike_are_judged_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The meta-schema check of the schemas an example reaches runs once per schema as written: A and B, written
    alike, and each reached twice (their own examples, the wrapper's), cost one check, and each example whose schema
    the meta-schema rejects is still reported."""
    from generator.validate.style.example_schemas import SchemaProblems

    judged: list[object] = []
    original = SchemaProblems._meta_error_of

    def counted(self: SchemaProblems, schema: object) -> str | None:
        judged.append(schema)
        return original(self, schema)

    monkeypatch.setattr(SchemaProblems, "_meta_error_of", counted)
    found = _found(Path(__file__).resolve().parent / "recommended" / "alike_schemas.yaml")
    invalid = [(rule, ptr) for rule, _file, ptr in found if rule in ("SF124", "SF125")]
    assert invalid == [("SF124", "/paths/~1a/get/responses/200/content/application~1json/example"),
                       ("SF125", "/components/schemas/A/example"), ("SF125", "/components/schemas/B/example")]
    # A's text (its pieces judged first: A with `n` as {} is valid, `n` is not) and nothing more for B, written alike;
    # the media type's bare $ref ({}) and the wrapper (its $refs bare, a piece of their own as {} already judged)
    assert len(judged) == 5
    assert [s for s in judged if s.get("properties", {}).get("n")] == [
        {"type": "object", "properties": {"n": {"type": "integer", "minimum": "x"}}, "example": {"n": 1}}]


@pytest.mark.parametrize(("openapi30", "first", "then"), [
    (True, {"type": "string", "description": "a"}, {"type": "string", "description": 5}),
    (True, {"properties": {"example": {"type": "string"}}}, {"properties": {"example": {"type": 5}}}),
    (True, {"properties": {"title": {"type": "string"}}}, {"properties": {"title": "not a schema"}}),
    (True, {"type": "string", "example": 1, "default": "x"}, {"type": "string", "example": {"a": [1]}, "default": 2}),
    (False, {"examples": [1], "title": "t"}, {"examples": 1, "title": "t"}),
    (False, {"items": {"description": "a"}}, {"items": {"description": ["a"]}}),
    (False, {"allOf": [{"title": "a", "minimum": 1}]}, {"allOf": [{"title": "b", "minimum": "1"}]}),
])
def test_a_schema_judged_like_another_gets_its_own_verdict(openapi30: bool, first: dict, then: dict) -> None:
    """Schemas of one shape share the meta-schema's verdict, which is then the one each would get judged alone: a
    wording or example difference shares it, a difference the meta-schema can see never does."""
    from generator.validate.style.example_schemas import SchemaProblems

    def fresh() -> SchemaProblems:
        return SchemaProblems(lambda doc, ref: None, openapi30, set)

    shared = fresh()
    assert shared._meta_error(first) == fresh()._meta_error(first)
    assert shared._meta_error(then) == fresh()._meta_error(then)


_KEYWORDS = ("type", "items", "properties", "additionalProperties", "allOf", "oneOf", "not", "contains", "prefixItems",
             "dependencies", "minimum", "enum", "required", "if", "definitions", "additionalItems", "description")
_VALUES = st.sampled_from(["string", 5, "x", True, False, None, [], ["a"], ["a", "a"], {}, 1.5])
_SCHEMAS = st.recursive(
    st.dictionaries(st.sampled_from(_KEYWORDS), _VALUES, max_size=3),
    lambda inner: st.dictionaries(st.sampled_from(_KEYWORDS), inner | _VALUES | st.lists(inner, max_size=2)
                                  | st.dictionaries(st.sampled_from(["a", "b"]), inner | _VALUES, max_size=2),
                                  max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(schema=_SCHEMAS, openapi30=st.booleans())
def test_a_schema_judged_by_its_pieces_gets_the_whole_verdict(schema: dict, openapi30: bool) -> None:
    """Judging a schema piece by piece (each schema it holds as {}) and the whole only when a piece is invalid gives
    the verdict the meta-schema gives the whole, in both dialects: keywords one dialect judges as schemas and the
    other does not (contains, prefixItems, additionalItems), lists and mappings of schemas, values of other types."""
    from generator.validate.style.example_schemas import SchemaProblems

    def fresh() -> SchemaProblems:
        return SchemaProblems(lambda doc, ref: None, openapi30, set)

    assert fresh()._meta_error(schema) == fresh()._meta_error_of(schema)
