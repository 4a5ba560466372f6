"""A regeneration that reuses the last run's work (the cached output, each file's input key) writes the same files as
a cold generation of the same spec: after each kind of spec change, in both languages, byte for byte.

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

    generate(spec, "spec-0", out, tmp_path / "cache")
    for step, change in enumerate(CHANGES, 1):
        spec = copy.deepcopy(spec)
        change(spec)
        generate(spec, f"spec-{step}", out, tmp_path / "cache")  # reuses the last run's files and keys
        cold = tmp_path / f"cold-{step}"
        generate(spec, f"spec-{step}", cold, tmp_path / f"cold-cache-{step}")
        regenerated, expected = _files(out), _files(cold)
        assert regenerated.keys() == expected.keys(), change.__name__
        assert [p for p in expected if regenerated[p] != expected[p]] == [], change.__name__
