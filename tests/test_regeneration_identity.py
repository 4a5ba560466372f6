"""A regeneration that reuses the last run's work (the cached output, each file's input key) writes the same files as
a cold generation of the same spec: after each kind of spec change, in both languages, byte for byte; so does going
back to an earlier spec (its output from the cache, stored whole or as what differs from an earlier one).

The CHANGELOG is the one file that differs by design (a regeneration adds a section for the change)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import main

SPEC = Path(__file__).resolve().parent / "fixtures" / "specs" / "shapes.yaml"
Change = Callable[[dict[str, Any]], None]


def _describe_pet(spec: dict[str, Any]) -> None:  # wording only; referencing properties read it through the $ref
    spec["components"]["schemas"]["Pet"]["description"] = "A pet, described now."


def _add_property(spec: dict[str, Any]) -> None:  # reaches Outer through allOf and the aliases through $refs
    spec["components"]["schemas"]["Pet"]["properties"]["nickname"] = {"type": "string"}


def _change_enum(spec: dict[str, Any]) -> None:  # a referenced alias: the holder's annotation changes with it
    spec["components"]["schemas"]["Ratio"]["enum"] = [0.25, 0.5]


def _remove_operation(spec: dict[str, Any]) -> None:  # stale files go; the rest is renamed or kept
    del spec["paths"]["/deep"]


def _rename_schema(spec: dict[str, Any]) -> None:  # a recursive pair: one of them renamed, its $refs with it
    schemas = spec["components"]["schemas"]
    schemas["Child"] = schemas.pop("Kid")
    schemas["Parent"]["properties"]["kids"]["items"]["$ref"] = "#/components/schemas/Child"


CHANGES: list[Change] = [_describe_pet, _add_property, _change_enum, _remove_operation, _rename_schema]


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != "CHANGELOG.md"}


@pytest.mark.parametrize("language", ["python", "typescript"])
def test_regeneration_after_each_change_equals_cold_generation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    out = tmp_path / "sdk"

    def generate(data: dict[str, Any], name: str, folder: Path, cache: Path) -> None:
        path = tmp_path / f"{name}.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        monkeypatch.setenv("SDKFORGE_CACHE_DIR", str(cache))
        args = ["generate", str(path), "-o", str(folder), "--package-name", "shapes", "--language", language, "-q"]
        assert main(args) == 0

    specs = [spec]
    generate(spec, "spec-0", out, tmp_path / "cache")
    generate(spec, "spec-0", tmp_path / "cold-0", tmp_path / "cold-cache-0")
    for step, change in enumerate(CHANGES, 1):
        spec = copy.deepcopy(spec)
        change(spec)
        specs.append(spec)
        generate(spec, f"spec-{step}", out, tmp_path / "cache")  # reuses the last run's files and keys
        generate(spec, f"spec-{step}", tmp_path / f"cold-{step}", tmp_path / f"cold-cache-{step}")
        _assert_same(out, tmp_path / f"cold-{step}", change.__name__)
    # back to earlier specs: whole outputs from the cache, one stored as what differs from the first
    for step in (2, 0):
        generate(specs[step], f"spec-{step}", out, tmp_path / "cache")
        _assert_same(out, tmp_path / f"cold-{step}", f"back to spec {step}")


def _assert_same(regenerated_folder: Path, cold_folder: Path, what: str) -> None:
    regenerated, expected = _files(regenerated_folder), _files(cold_folder)
    assert regenerated.keys() == expected.keys(), what
    assert [p for p in expected if regenerated[p] != expected[p]] == [], what
