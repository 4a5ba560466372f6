"""Specs split over several files (issue #23 part 5, #24): validate and generate read them alike, a finding's
severity never depends on the file it is in, and `$ref`s where OpenAPI allows none but whose meaning is clear are
read as meant with one warning (SF071 an operation, SF072 a description)."""

from __future__ import annotations

from pathlib import Path

from generator.config import Target
from generator.pipeline import build_target
from generator.validate.checks import validate_paths

HERE = Path(__file__).parent / "multifile"
ROOT = HERE / "openapi.yaml"
OP = "/paths/~1v2~1things~1{thing_id}/get"

# (file, rule, pointer): the same findings from validate and from generate
EXPECTED = {
    ("openapi.yaml", "SF071", f"{OP}/$ref"),
    ("openapi.yaml", "SF072", "/info/description/$ref"),
    ("openapi.yaml", "SF072", "/tags/0/description/$ref"),
    ("openapi.yaml", "SF063", "/components/schemas/Flag/enum/0"),
    ("openapi.yaml", "SF063", "/components/schemas/Flag/enum/1"),
    ("models.yml", "SF063", "/Thing/properties/mode/enum/0"),
    ("models.yml", "SF063", "/Thing/properties/mode/enum/1"),
}


def test_validate_reads_the_split_spec_as_meant() -> None:
    found = validate_paths([ROOT])
    # no SF001 "missing responses", no SF011 "undeclared", no SF002 for the text $refs, no SF021 for `on`/`off`
    assert {(Path(d.file).name, d.rule, d.pointer) for d in found if d.rule != "SF023"} == EXPECTED
    assert all(d.severity == "warning" for d in found)  # SF063 is a warning in the root and in models.yml alike
    (example,) = [d for d in found if d.rule == "SF023"]  # the unquoted date under `type: integer`
    assert example.pointer == "/Thing/properties/version/example" and Path(example.file).name == "models.yml"
    assert "'2024-01-02'" in example.message and "datetime" not in example.message  # the text written
    assert all(".." not in Path(d.file).parts for d in found)  # ops/../models.yml is models.yml


def test_generate_builds_the_sdk_with_the_same_warnings(tmp_path: Path) -> None:
    target = Target(spec=str(ROOT), output=str(tmp_path / "out"), package="multifile")
    generated = build_target(target, tmp_path)
    located = set()
    for warning in generated.warnings:
        where, _, rest = warning.partition(": ")
        file = Path(where.split(":")[0]).name
        located.add((file, rest.split(" ")[0], rest.rpartition(" (at ")[2][:-1]))
    assert EXPECTED <= located
    assert not any(rule in ("SF001", "SF002", "SF011") for _file, rule, _p in located)
    thing = generated.files["multifile/types/thing.py"]
    assert 'Literal["on", "off"]' in thing  # the text written in models.yml, not "true"/"false"
    assert generated.operations == 1


def test_operations_in_path_items_of_other_files_are_checked_there(tmp_path: Path) -> None:
    (tmp_path / "paths").mkdir()
    (tmp_path / "openapi.yaml").write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /items/{item_id}:\n    $ref: paths/item.yaml\n")
    (tmp_path / "paths" / "item.yaml").write_text(
        "get:\n  operationId: getItem\n  responses:\n    '200': {description: ok}\n"
        "post:\n  $ref: '#/x-ops/create'\nx-ops:\n  create:\n    operationId: createItem\n    responses: {}\n")
    found = {(Path(d.file).name, d.rule, d.pointer) for d in validate_paths([tmp_path / "openapi.yaml"])}
    assert found == {
        ("item.yaml", "SF011", "/get"),  # the template's {item_id} is declared nowhere
        ("item.yaml", "SF071", "/post/$ref"),
        ("item.yaml", "SF011", "/x-ops/create"),
        ("item.yaml", "SF015", "/x-ops/create/responses"),
    }


def test_a_local_operation_ref_is_read_alike_without_other_files(tmp_path: Path) -> None:
    from generator.load.document import load_spec
    from generator.pipeline import check, parse

    spec = tmp_path / "openapi.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /things/{id}:\n    get:\n"
        "      $ref: '#/x-operations/getThing'\nx-operations:\n  getThing:\n    operationId: getThing\n"
        "    parameters:\n      - {name: id, in: path, required: true, schema: {type: string}}\n"
        "    responses:\n      '200': {description: ok}\n")
    expected = ("SF071", "/paths/~1things~1{id}/get/$ref", 6)
    assert [(d.rule, d.pointer, d.line) for d in validate_paths([spec])] == [expected]
    doc = load_spec(spec, track=False)
    (warning,) = check(doc)  # generate's checks: the same warning, then the structural parse takes the operation
    assert warning.startswith(f"{spec}:6:7: SF071 ") and warning.endswith(f"(at {expected[1]})")
    assert parse(doc).paths["/things/{id}"].get.operationId == "getThing"


def test_refs_inside_extensions_are_the_values_they_point_at_without_a_warning(tmp_path: Path) -> None:
    """An `x-` extension is not OpenAPI: a `$ref` in it (to a string, to a Markdown file) is bundled as the value it
    points at, and neither validate nor generate has anything to say about it."""
    from generator.load.bundle import bundle
    from generator.load.document import load_spec

    (tmp_path / "texts.yml").write_text((HERE / "texts.yml").read_text())
    (tmp_path / "intro.md").write_text("# Intro\n")
    spec = tmp_path / "openapi.yaml"
    spec.write_text("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\nx-topics:\n"
                    "  - {title: Things, description: {$ref: 'texts.yml#/things'}}\n"
                    "  - {title: Intro, content: {$ref: intro.md}}\n")
    assert validate_paths([spec]) == []
    bundled = bundle(load_spec(spec, track=False))
    assert bundled is not None and bundled.lenient == []
    assert bundled.document.data["x-topics"] == [
        {"title": "Things", "description": "Things, and what can be done with them.\n"},
        {"title": "Intro", "content": "# Intro\n"},
    ]
