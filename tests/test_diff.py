"""``sdkforge diff``: each classification pinned on a pair of small specs."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.changelog import load_side as build_for_diff
from generator.cli import main
from generator.diff import Change, diff_apis

ROOT = Path(__file__).resolve().parent.parent
PAIRS = Path(__file__).resolve().parent / "diff_specs"


def _spec(schemas: dict[str, Any] | None = None, paths: dict[str, Any] | None = None) -> dict[str, Any]:
    """A small spec: things.get(thing_id, expand) -> Thing and things.create(body CreateThing) -> Thing."""
    base: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "Things", "version": "1.0.0"},
        "servers": [{"url": "https://api.example.com"}],
        "paths": {
            "/things/{thing_id}": {
                "get": {
                    "operationId": "GetThing",
                    "tags": ["Things"],
                    "parameters": [
                        {"name": "thing_id", "in": "path", "required": True, "schema": {"type": "string"}},
                        {"name": "expand", "in": "query", "required": False, "schema": {"type": "string"}},
                    ],
                    "responses": {"200": _json_response("Thing")},
                }
            },
            "/things": {
                "post": {
                    "operationId": "CreateThing",
                    "tags": ["Things"],
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CreateThing"}}},
                    },
                    "responses": {"200": _json_response("Thing")},
                }
            },
        },
        "components": {
            "schemas": {
                "Thing": {
                    "type": "object",
                    "required": ["id", "status", "size"],
                    "properties": {
                        "id": {"type": "string"},
                        "status": {"$ref": "#/components/schemas/Status"},
                        "kind": {"type": "string", "enum": ["a", "b"]},
                        "size": {"type": "integer"},
                        "label": {"type": "string"},
                        "flavor": {"$ref": "#/components/schemas/Flavor"},
                    },
                },
                "Status": {"type": "string", "enum": ["queued", "done"]},
                "Flavor": {"anyOf": [{"type": "string"}, {"type": "string", "enum": ["sweet", "sour"]}]},
                "Color": {"type": "string", "enum": ["red", "green", "blue"]},
                "Ref": {
                    "type": "object",
                    "required": ["id"],
                    "properties": {"id": {"type": "string"}, "note": {"type": "string"}},
                },
                "CreateThing": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {
                        "name": {"type": "string"},
                        "color": {"$ref": "#/components/schemas/Color"},
                        "mode": {"type": "string", "enum": ["fast", "slow"]},
                        "count": {"type": "integer"},
                        "ref": {"$ref": "#/components/schemas/Ref"},
                    },
                },
            }
        },
    }
    if schemas:
        base["components"]["schemas"].update(schemas)
    if paths:
        base["paths"].update(paths)
    return base


def _json_response(schema: str) -> dict[str, Any]:
    return {
        "description": "ok",
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


def _write(path: Path, spec: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path


def _diff(tmp_path: Path, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    return diff_apis(
        build_for_diff(_write(tmp_path / "old.yaml", old)), build_for_diff(_write(tmp_path / "new.yaml", new))
    )


def _edit(edit: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    old = _spec()
    new = copy.deepcopy(old)
    edit(new)
    return old, new


def _only(changes: list[Change], where: str, kind: str | None = None) -> Change:
    found = [c for c in changes if c.where == where and (kind is None or c.kind == kind)]
    assert len(found) == 1, f"expected one change at {where} ({kind}), got {changes}"
    return found[0]


def _schemas(spec: dict[str, Any]) -> dict[str, Any]:
    return spec["components"]["schemas"]


def _get_params(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return spec["paths"]["/things/{thing_id}"]["get"]["parameters"]


# --- identical specs --------------------------------------------------------------------------------------------


def test_identical_specs_have_no_changes(tmp_path: Path) -> None:
    assert _diff(tmp_path, _spec(), _spec()) == []


def test_description_only_changes_are_not_surface_changes(tmp_path: Path) -> None:
    old, new = _edit(lambda s: _schemas(s)["Thing"].update(description="Now documented."))
    assert _diff(tmp_path, old, new) == []


# --- methods ----------------------------------------------------------------------------------------------------


def test_method_added_is_compatible_and_removed_is_breaking(tmp_path: Path) -> None:
    def edit(s: dict[str, Any]) -> None:
        s["paths"]["/things/{thing_id}"]["delete"] = {
            "operationId": "DeleteThing",
            "tags": ["Things"],
            "parameters": [{"name": "thing_id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": _json_response("Thing")},
        }

    old, new = _edit(edit)
    added = _only(_diff(tmp_path, old, new), "things.delete")
    assert (added.kind, added.breaking) == ("method_added", False)
    removed = _only(_diff(tmp_path, new, old), "things.delete")
    assert (removed.kind, removed.breaking) == ("method_removed", True)


# --- parameters -------------------------------------------------------------------------------------------------


def test_required_param_added_is_breaking(tmp_path: Path) -> None:
    old, new = _edit(
        lambda s: _get_params(s).append(
            {"name": "region", "in": "query", "required": True, "schema": {"type": "string"}}
        )
    )
    c = _only(_diff(tmp_path, old, new), "things.retrieve(region)")
    assert (c.kind, c.breaking) == ("param_added", True)


def test_optional_param_added_is_compatible(tmp_path: Path) -> None:
    old, new = _edit(
        lambda s: _get_params(s).append(
            {"name": "region", "in": "query", "required": False, "schema": {"type": "string"}}
        )
    )
    c = _only(_diff(tmp_path, old, new), "things.retrieve(region)")
    assert (c.kind, c.breaking) == ("param_added", False)


def test_param_removed_is_breaking(tmp_path: Path) -> None:
    old, new = _edit(lambda s: _get_params(s).pop())
    c = _only(_diff(tmp_path, old, new), "things.retrieve(expand)")
    assert (c.kind, c.breaking) == ("param_removed", True)


def test_body_param_added_required_is_breaking_and_optional_compatible(tmp_path: Path) -> None:
    def edit(s: dict[str, Any]) -> None:
        body = _schemas(s)["CreateThing"]
        body["properties"]["owner"] = {"type": "string"}
        body["properties"]["tag"] = {"type": "string"}
        body["required"].append("owner")

    changes = _diff(tmp_path, *_edit(edit))
    assert _only(changes, "things.create(owner)", "param_added").breaking is True
    assert _only(changes, "things.create(tag)", "param_added").breaking is False


def test_param_made_required_is_breaking_and_made_optional_compatible(tmp_path: Path) -> None:
    old, new = _edit(lambda s: _get_params(s)[1].update(required=True))
    c = _only(_diff(tmp_path, old, new), "things.retrieve(expand)")
    assert (c.kind, c.breaking) == ("param_made_required", True)
    c = _only(_diff(tmp_path, new, old), "things.retrieve(expand)")
    assert (c.kind, c.breaking) == ("param_made_optional", False)


def test_param_literal_widened_to_str_is_compatible(tmp_path: Path) -> None:
    # mode: Literal["fast", "slow"] -> str
    old, new = _edit(lambda s: _schemas(s)["CreateThing"]["properties"].update(mode={"type": "string"}))
    c = _only(_diff(tmp_path, old, new), "things.create(mode)")
    assert (c.kind, c.breaking) == ("param_retyped", False)
    # and back: str -> Literal narrows what callers may pass
    c = _only(_diff(tmp_path, new, old), "things.create(mode)")
    assert (c.kind, c.breaking) == ("param_retyped", True)


def test_param_union_member_added_is_compatible(tmp_path: Path) -> None:
    old, new = _edit(lambda s: _get_params(s)[1].update(schema={"oneOf": [{"type": "string"}, {"type": "integer"}]}))
    c = _only(_diff(tmp_path, old, new), "things.retrieve(expand)")
    assert (c.kind, c.breaking) == ("param_retyped", False)
    c = _only(_diff(tmp_path, new, old), "things.retrieve(expand)")
    assert (c.kind, c.breaking) == ("param_retyped", True)


def test_param_incompatible_retype_is_breaking(tmp_path: Path) -> None:
    old, new = _edit(lambda s: _schemas(s)["CreateThing"]["properties"].update(count={"type": "string"}))
    c = _only(_diff(tmp_path, old, new), "things.create(count)")
    assert (c.kind, c.breaking) == ("param_retyped", True)


def test_param_int_to_float_is_widening(tmp_path: Path) -> None:
    old, new = _edit(lambda s: _schemas(s)["CreateThing"]["properties"].update(count={"type": "number"}))
    c = _only(_diff(tmp_path, old, new), "things.create(count)")
    assert (c.kind, c.breaking) == ("param_retyped", False)


def test_param_made_nullable_is_compatible(tmp_path: Path) -> None:
    old, new = _edit(lambda s: _schemas(s)["CreateThing"]["properties"].update(count={"type": ["integer", "null"]}))
    c = _only(_diff(tmp_path, old, new), "things.create(count)")
    assert (c.kind, c.breaking) == ("param_made_nullable", False)
    c = _only(_diff(tmp_path, new, old), "things.create(count)")
    assert (c.kind, c.breaking) == ("param_made_non_nullable", True)


def test_path_param_reorder_is_breaking(tmp_path: Path) -> None:
    def spec_with(order: list[str]) -> dict[str, Any]:
        return _spec(
            paths={
                "/a/{x}/b/{y}": {
                    "get": {
                        "operationId": "GetPair",
                        "tags": ["Pairs"],
                        "parameters": [
                            {"name": n, "in": "path", "required": True, "schema": {"type": "string"}} for n in order
                        ],
                        "responses": {"200": _json_response("Thing")},
                    }
                }
            }
        )

    changes = _diff(tmp_path, spec_with(["x", "y"]), spec_with(["y", "x"]))
    # the signature follows the parameter list order, so reordering it reorders positional arguments
    c = _only(changes, "pairs.retrieve_b", "positional_params_reordered")
    assert (c.breaking, c.old, c.new) == (True, "x, y", "y, x")


# --- return types -----------------------------------------------------------------------------------------------


def test_return_type_changed_is_breaking(tmp_path: Path) -> None:
    def edit(s: dict[str, Any]) -> None:
        _schemas(s)["OtherThing"] = {"type": "object", "properties": {"id": {"type": "string"}}}
        s["paths"]["/things/{thing_id}"]["get"]["responses"]["200"] = _json_response("OtherThing")

    changes = _diff(tmp_path, *_edit(edit))
    c = _only(changes, "things.retrieve -> return")
    assert (c.kind, c.breaking, c.old, c.new) == ("return_type_changed", True, "Thing", "OtherThing")
    assert _only(changes, "types.OtherThing").kind == "model_added"


# --- models: response side --------------------------------------------------------------------------------------


def test_response_field_added_is_compatible_even_when_required(tmp_path: Path) -> None:
    def edit(s: dict[str, Any]) -> None:
        _schemas(s)["Thing"]["properties"]["url"] = {"type": "string"}
        _schemas(s)["Thing"]["properties"]["created"] = {"type": "integer"}
        _schemas(s)["Thing"]["required"].append("created")

    changes = _diff(tmp_path, *_edit(edit))
    assert _only(changes, "types.Thing.url", "field_added").breaking is False
    assert _only(changes, "types.Thing.created", "field_added").breaking is False


def test_response_field_removed_is_breaking(tmp_path: Path) -> None:
    old, new = _edit(lambda s: _schemas(s)["Thing"]["properties"].pop("label"))
    c = _only(_diff(tmp_path, old, new), "types.Thing.label")
    assert (c.kind, c.breaking) == ("field_removed", True)


def test_response_field_retyped_is_breaking(tmp_path: Path) -> None:
    old, new = _edit(lambda s: _schemas(s)["Thing"]["properties"].update(size={"type": "string"}))
    c = _only(_diff(tmp_path, old, new), "types.Thing.size")
    assert (c.kind, c.breaking) == ("field_retyped", True)


def test_response_field_narrowed_is_compatible(tmp_path: Path) -> None:
    # float -> int: every value the new SDK returns was a valid float before
    old = _spec()
    _schemas(old)["Thing"]["properties"]["size"] = {"type": "number"}
    c = _only(_diff(tmp_path, old, _spec()), "types.Thing.size")
    assert (c.kind, c.breaking) == ("field_retyped", False)


def test_response_field_made_nullable_is_breaking(tmp_path: Path) -> None:
    old, new = _edit(lambda s: _schemas(s)["Thing"]["properties"].update(size={"type": ["integer", "null"]}))
    c = _only(_diff(tmp_path, old, new), "types.Thing.size")
    assert (c.kind, c.breaking) == ("field_made_nullable", True)
    c = _only(_diff(tmp_path, new, old), "types.Thing.size")
    assert (c.kind, c.breaking) == ("field_made_non_nullable", False)


def test_response_field_made_optional_is_breaking(tmp_path: Path) -> None:
    old, new = _edit(lambda s: _schemas(s)["Thing"]["required"].remove("size"))
    c = _only(_diff(tmp_path, old, new), "types.Thing.size", "field_made_optional")
    assert c.breaking is True
    c = _only(_diff(tmp_path, new, old), "types.Thing.size", "field_made_required")
    assert c.breaking is False


def test_model_removed_is_breaking(tmp_path: Path) -> None:
    old, new = _edit(lambda s: _schemas(s).update(Extra={"type": "object", "properties": {"a": {"type": "string"}}}))
    assert _only(_diff(tmp_path, old, new), "types.Extra").breaking is False
    c = _only(_diff(tmp_path, new, old), "types.Extra")
    assert (c.kind, c.breaking) == ("model_removed", True)


# --- models: request side (TypedDict) ---------------------------------------------------------------------------


def test_request_typeddict_new_required_key_is_breaking_optional_is_compatible(tmp_path: Path) -> None:
    def edit(s: dict[str, Any]) -> None:
        _schemas(s)["Ref"]["properties"]["version"] = {"type": "integer"}
        _schemas(s)["Ref"]["properties"]["hint"] = {"type": "string"}
        _schemas(s)["Ref"]["required"].append("version")

    changes = _diff(tmp_path, *_edit(edit))
    assert _only(changes, "types.RefParam.version", "field_added").breaking is True
    assert _only(changes, "types.RefParam.hint", "field_added").breaking is False


def test_request_typeddict_key_removed_or_made_required_is_breaking(tmp_path: Path) -> None:
    changes = _diff(tmp_path, *_edit(lambda s: _schemas(s)["Ref"]["properties"].pop("note")))
    assert _only(changes, "types.RefParam.note", "field_removed").breaking is True
    changes = _diff(tmp_path, *_edit(lambda s: _schemas(s)["Ref"]["required"].append("note")))
    assert _only(changes, "types.RefParam.note", "field_made_required").breaking is True


def test_request_typeddict_field_made_nullable_is_compatible(tmp_path: Path) -> None:
    old, new = _edit(lambda s: _schemas(s)["Ref"]["properties"].update(note={"type": ["string", "null"]}))
    c = _only(_diff(tmp_path, old, new), "types.RefParam.note")
    assert (c.kind, c.breaking) == ("field_made_nullable", False)


# --- enums ------------------------------------------------------------------------------------------------------


def test_closed_response_enum_gaining_a_value_breaks_strict_clients(tmp_path: Path) -> None:
    old, new = _edit(lambda s: _schemas(s)["Status"]["enum"].append("failed"))
    c = _only(_diff(tmp_path, old, new), "types.Status")
    assert (c.kind, c.level, c.breaking, c.new) == ("enum_value_added", "strict", False, "'failed'")


def test_closed_response_enum_losing_a_value_is_compatible(tmp_path: Path) -> None:
    old, new = _edit(lambda s: _schemas(s)["Status"]["enum"].remove("done"))
    c = _only(_diff(tmp_path, old, new), "types.Status")
    assert (c.kind, c.breaking) == ("enum_value_removed", False)


def test_inline_closed_response_enum_gaining_a_value_breaks_strict_clients(tmp_path: Path) -> None:
    old, new = _edit(lambda s: _schemas(s)["Thing"]["properties"]["kind"]["enum"].append("c"))
    c = _only(_diff(tmp_path, old, new), "types.Thing.kind")
    assert (c.kind, c.level) == ("enum_value_added", "strict")


def test_open_response_enum_gaining_a_value_is_compatible(tmp_path: Path) -> None:
    old, new = _edit(lambda s: _schemas(s)["Flavor"]["anyOf"][1]["enum"].append("salty"))
    c = _only(_diff(tmp_path, old, new), "types.Flavor")
    assert (c.kind, c.breaking) == ("enum_value_added", False)


def test_response_enum_opened_is_breaking(tmp_path: Path) -> None:
    old, new = _edit(
        lambda s: _schemas(s).update(
            Status={"anyOf": [{"type": "string"}, {"type": "string", "enum": ["queued", "done"]}]}
        )
    )
    c = _only(_diff(tmp_path, old, new), "types.Status")
    assert (c.kind, c.breaking) == ("enum_opened", True)


def test_request_enum_losing_a_value_is_breaking(tmp_path: Path) -> None:
    old, new = _edit(lambda s: _schemas(s)["Color"]["enum"].remove("blue"))
    c = _only(_diff(tmp_path, old, new), "types.Color")
    assert (c.kind, c.breaking) == ("enum_value_removed", True)


def test_request_enum_gaining_a_value_is_compatible(tmp_path: Path) -> None:
    old, new = _edit(lambda s: _schemas(s)["Color"]["enum"].append("black"))
    c = _only(_diff(tmp_path, old, new), "types.Color")
    assert (c.kind, c.breaking) == ("enum_value_added", False)


def test_inline_request_enum_losing_a_value_is_breaking(tmp_path: Path) -> None:
    old, new = _edit(lambda s: _schemas(s)["CreateThing"]["properties"]["mode"]["enum"].remove("slow"))
    c = _only(_diff(tmp_path, old, new), "things.create(mode)")
    assert (c.kind, c.breaking) == ("enum_value_removed", True)


def test_enum_used_both_ways_breaks_on_any_value_change(tmp_path: Path) -> None:
    # Status also becomes a request field: gaining a value breaks strict readers, losing one breaks senders
    def both(s: dict[str, Any]) -> None:
        _schemas(s)["CreateThing"]["properties"]["status"] = {"$ref": "#/components/schemas/Status"}

    old = _spec()
    both(old)
    gained = copy.deepcopy(old)
    _schemas(gained)["Status"]["enum"].append("failed")
    lost = copy.deepcopy(old)
    _schemas(lost)["Status"]["enum"].remove("done")
    assert _only(_diff(tmp_path, old, gained), "types.Status").level == "strict"
    assert _only(_diff(tmp_path, old, lost), "types.Status").level == "breaking"


# --- the spec pairs in tests/diff_specs -------------------------------------------------------------------------


def test_spec_pair_files(tmp_path: Path) -> None:
    changes = diff_apis(build_for_diff(PAIRS / "pets-v1.yaml"), build_for_diff(PAIRS / "pets-v2.yaml"))
    got = {(c.kind, c.where, c.level, c.route) for c in changes}
    assert got == {
        ("method_removed", "pets.delete", "breaking", "DELETE /pets/{pet_id}"),
        ("method_added", "pets.update", "compatible", "PATCH /pets/{pet_id}"),
        ("param_added", "pets.list(species)", "compatible", "GET /pets"),
        # NewPet, the body pets.create takes as parameters: its new required key is reported once, on the method
        ("param_added", "pets.create(owner)", "breaking", "POST /pets"),
        ("field_added", "types.Pet.nickname", "compatible", ""),
        ("enum_value_added", "types.PetStatus", "strict", ""),
        ("field_made_nullable", "types.Pet.age", "breaking", ""),
    }


# --- the real spec: the issue's "done when" edit ----------------------------------------------------------------


def test_openai_videos_remove_operation_and_add_field(tmp_path: Path) -> None:
    old = yaml.safe_load((ROOT / "specs/openai-videos.yaml").read_text(encoding="utf-8"))
    new = copy.deepcopy(old)
    remix_path = next(
        p
        for p, item in new["paths"].items()
        if any(isinstance(op, dict) and op.get("operationId") == "RemixVideo" for op in item.values())
    )
    del new["paths"][remix_path]
    new["components"]["schemas"]["Video"]["properties"]["thumbnail_url"] = {"type": "string"}
    changes = diff_apis(
        build_for_diff(ROOT / "specs/openai-videos.yaml"), build_for_diff(_write(tmp_path / "new.yaml", new))
    )
    removal = _only(changes, "videos.remix")
    assert (removal.kind, removal.breaking) == ("method_removed", True)
    field = _only(changes, "types.Video.thumbnail_url")
    assert (field.kind, field.breaking) == ("field_added", False)
    assert {(c.kind, c.where) for c in changes} == {
        ("method_removed", "videos.remix"),
        ("field_added", "types.Video.thumbnail_url"),
    }

    # the CLI on the same edit: JSON shape, exit codes
    _write(tmp_path / "new.yaml", new)
    assert main(["diff", str(ROOT / "specs/openai-videos.yaml"), str(tmp_path / "new.yaml")]) == 0
    assert main(["diff", str(ROOT / "specs/openai-videos.yaml"), str(tmp_path / "new.yaml"), "--fail-on-breaking"]) == 1


# --- CLI --------------------------------------------------------------------------------------------------------


def test_cli_formats_and_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = _edit(
        lambda s: (_get_params(s).pop(), _schemas(s)["Thing"]["properties"].update(url={"type": "string"}))
    )
    o, n = str(_write(tmp_path / "old.yaml", old)), str(_write(tmp_path / "new.yaml", new))

    assert main(["diff", o, n, "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert list(doc) == ["version", "old", "new", "summary", "changes"]
    assert doc["version"] == 2
    assert doc["summary"] == {"breaking": 1, "strict": 0, "compatible": 1, "accepted": 0}
    first = doc["changes"][0]
    assert list(first) == ["kind", "level", "breaking", "route", "where", "reason", "old", "new", "accepted"]
    assert first["route"] == "GET /things/{thing_id}" and first["level"] == "breaking"
    assert first["kind"] == "param_removed" and first["where"] == "things.retrieve(expand)" and first["new"] is None
    assert [c["breaking"] for c in doc["changes"]] == [True, False]  # breaking first

    assert main(["diff", o, n, "--format", "markdown"]) == 0
    md = capsys.readouterr().out
    rows = [line for line in md.splitlines() if line.startswith("| :")]
    assert len(rows) == 2 and "breaking" in rows[0] and "compatible" in rows[1]
    assert "`things.retrieve(expand)`" in rows[0]

    assert main(["diff", o, n]) == 0
    text = capsys.readouterr().out
    assert text.splitlines()[0].startswith("BREAKING") and "1 breaking, 1 compatible" in text

    assert main(["diff", o, n, "--fail-on-breaking"]) == 1
    assert main(["diff", o, o, "--fail-on-breaking"]) == 0
    capsys.readouterr()


def test_cli_unreadable_input_exits_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = str(_write(tmp_path / "old.yaml", _spec()))
    assert main(["diff", good, str(tmp_path / "missing.yaml")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing.yaml" in err and "Traceback" not in err

    (tmp_path / "bad.yaml").write_text("openapi: 2.0\ninfo: {}\n", encoding="utf-8")
    assert main(["diff", good, str(tmp_path / "bad.yaml")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err

    assert main(["diff", good, good, "--target", "0"]) == 2
    assert main(["diff", good, good, "--config", str(tmp_path / "nope.yaml")]) == 2
    capsys.readouterr()


def test_cli_config_target_shapes_the_surface(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a rename in the config applies to both specs, so renaming the schema in the spec is not a change
    old = _spec()
    new = copy.deepcopy(old)
    _schemas(new)["ThingResource"] = _schemas(new).pop("Thing")
    for item in new["paths"].values():
        for op in item.values():
            op["responses"]["200"] = _json_response("ThingResource")
    o, n = str(_write(tmp_path / "old.yaml", old)), str(_write(tmp_path / "new.yaml", new))
    (tmp_path / "sdkforge.yaml").write_text(
        "targets:\n  - spec: x.yaml\n    output: out\n    package: things\n    renames: {ThingResource: Thing}\n",
        encoding="utf-8",
    )
    assert main(["diff", o, n, "--config", str(tmp_path / "sdkforge.yaml"), "--target", "0", "--fail-on-breaking"]) == 0
    assert "no SDK surface changes" in capsys.readouterr().out
    assert main(["diff", o, n, "--fail-on-breaking"]) == 1  # without the rename, Thing disappears
    capsys.readouterr()


# --- wire identity ----------------------------------------------------------------------------------------------


def test_method_renamed_keeps_its_wire_identity(tmp_path: Path) -> None:
    # the same GET /things/{id} under another operationId: one method, renamed (its parameters are not re-reported)
    old, new = _edit(lambda s: s["paths"]["/things/{thing_id}"]["get"].update(operationId="FetchThing"))
    changes = _diff(tmp_path, old, new)
    assert [(c.kind, c.where, c.breaking, c.old, c.new) for c in changes] == [
        ("method_renamed", "things.retrieve", True, "things.retrieve", "things.fetch")
    ]


def test_path_placeholder_renamed_is_the_same_method(tmp_path: Path) -> None:
    # GET /things/{thing_id} -> /things/{id}: the same operation on the wire; its keyword changed
    def edit(s: dict[str, Any]) -> None:
        item = s["paths"].pop("/things/{thing_id}")
        item["get"]["parameters"][0]["name"] = "id"
        s["paths"]["/things/{id}"] = item

    changes = _diff(tmp_path, *_edit(edit))
    assert {(c.kind, c.where, c.breaking) for c in changes} == {
        ("param_removed", "things.retrieve(thing_id)", True),
        ("param_added", "things.retrieve(id)", True),
    }


def test_diff_imports_only_the_model() -> None:
    """diff/ sits after targets and before pipeline/cli: it compares neutral models and asks a Surface for names."""
    import ast

    found: set[str] = set()
    for path in (ROOT / "generator" / "diff").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
    ours = {m for m in found if m.startswith("generator")}
    others = {m for m in ours if not m.startswith(("generator.diff", "generator.model"))}
    assert others <= {"generator", "generator.frozen"}
    assert "generator.model" in ours or "generator" in ours


# --- as a reviewer reads it: routes, one entry per spec change, levels, accepted changes --------------------------


def test_every_method_change_names_its_route(tmp_path: Path) -> None:
    old, new = _edit(lambda s: (_get_params(s).pop(), s["paths"].pop("/things")))
    changes = _diff(tmp_path, old, new)
    assert {(c.kind, c.route) for c in changes} == {
        ("param_removed", "GET /things/{thing_id}"),
        ("method_removed", "POST /things"),
        ("model_removed", ""),  # CreateThing: a type, on no route
    }


def test_removed_body_property_is_reported_once_on_the_method(tmp_path: Path) -> None:
    old, new = _edit(lambda s: _schemas(s)["CreateThing"]["properties"].pop("count"))
    changes = _diff(tmp_path, old, new)
    assert [(c.kind, c.where) for c in changes] == [("param_removed", "things.create(count)")]


def test_field_made_optional_and_nullable_is_one_change(tmp_path: Path) -> None:
    def relax(s: dict[str, Any]) -> None:
        thing = _schemas(s)["Thing"]
        thing["required"].remove("size")
        thing["properties"]["size"] = {"type": ["integer", "null"]}

    old, new = _edit(relax)
    c = _only(_diff(tmp_path, old, new), "types.Thing.size")
    assert (c.kind, c.level, c.old, c.new) == ("field_made_optional", "breaking", "int", "Optional[int]")
    assert "absent or None" in c.reason


def test_param_made_optional_and_nullable_is_one_change(tmp_path: Path) -> None:
    def relax(s: dict[str, Any]) -> None:
        create = _schemas(s)["CreateThing"]
        create["required"].remove("name")
        create["properties"]["name"] = {"type": ["string", "null"]}

    old, new = _edit(relax)
    changes = _diff(tmp_path, old, new)
    assert [(c.kind, c.level) for c in changes] == [("param_made_optional", "compatible")]


def test_write_only_field_relaxed_is_compatible_even_in_a_type_responses_use(tmp_path: Path) -> None:
    # Ref is sent (CreateThing.ref) and received (a union member of Thing.flavor2): a write-only key of it is only sent
    def shape(s: dict[str, Any]) -> None:
        ref = _schemas(s)["Ref"]
        ref["properties"]["secret"] = {"type": "string", "writeOnly": True}
        ref["required"] = ["id", "secret"]
        _schemas(s)["Thing"]["properties"]["flavor2"] = {"anyOf": [{"$ref": "#/components/schemas/Ref"},
                                                                   {"type": "string"}]}

    old = _spec()
    shape(old)
    new = copy.deepcopy(old)
    _schemas(new)["Ref"]["required"] = ["id"]
    changes = [c for c in _diff(tmp_path, old, new) if c.where.endswith(".secret")]
    assert [(c.kind, c.level) for c in changes] == [("field_made_optional", "compatible")]


def test_markdown_groups_changes_by_operation_then_types(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = _edit(lambda s: (_get_params(s).pop(), _schemas(s)["Status"]["enum"].append("failed")))
    o, n = str(_write(tmp_path / "old.yaml", old)), str(_write(tmp_path / "new.yaml", new))
    assert main(["diff", o, n, "--format", "markdown"]) == 0
    md = capsys.readouterr().out
    assert md.index("#### `GET /things/{thing_id}`") < md.index("things.retrieve(expand)") < md.index("#### Types")
    assert md.index("#### Types") < md.index(":warning: breaking for strict clients")
    assert "1 breaking, 1 breaking for strict clients" in md


def test_accepted_changes_do_not_fail_the_gate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    old, new = _edit(lambda s: (_get_params(s).pop(), _schemas(s)["Status"]["enum"].append("failed")))
    o, n = str(_write(tmp_path / "old.yaml", old)), str(_write(tmp_path / "new.yaml", new))
    monkeypatch.chdir(tmp_path)
    assert main(["diff", o, n, "--fail-on-breaking"]) == 1
    (tmp_path / "pyproject.toml").write_text(
        '[tool.sdkforge.diff]\naccept = [\n'
        '  { kind = "param_removed", where = "things.retrieve(*)", why = "expand moved to a header in v2" },\n'
        '  { kind = "method_removed", where = "things.gone", why = "nothing matches this" },\n]\n')
    assert main(["diff", o, n, "--fail-on-breaking"]) == 0  # the strict-clients change does not count by default
    out, err = capsys.readouterr()
    assert "accepted param_removed" in out and "(accepted: expand moved to a header in v2)" in out
    assert "accepted change matches nothing: method_removed things.gone" in err
    assert main(["diff", o, n, "--fail-on-breaking", "--strict-clients"]) == 1


def test_accept_entry_without_a_reason_is_a_located_config_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    spec = str(_write(tmp_path / "a.yaml", _spec()))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.sdkforge.diff]\naccept = [{ kind = "x", where = "y" }]\n')
    assert main(["diff", spec, spec]) == 2
    assert "pyproject.toml" in capsys.readouterr().err
