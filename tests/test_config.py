"""Configuration: standalone sdkforge.yaml, errors naming file, line and key, the JSON Schema, template overrides,
hooks, variants."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from pydantic import BaseModel

from generator.config import Config, load_config
from generator.config.lines import line_of, toml_lines, yaml_lines
from generator.config.schema import config_schema, node_at, pyproject_schema
from generator.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "specs" / "openai-videos.yaml"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], check=False, cwd=cwd, capture_output=True, text=True, timeout=300)


def write_config(folder: Path, **target: object) -> Path:
    config = folder / "sdkforge.yaml"
    config.write_text(yaml.safe_dump({"targets": [{"spec": str(SPEC), "output": "out", "package": "vids", **target}]}))
    return config


def test_user_template_overrides_only_that_file(tmp_path: Path) -> None:
    override = tmp_path / "mytemplates" / "sdk" / "project"
    override.mkdir(parents=True)
    (override / "README.md.jinja").write_text("# Our {{ api.client_class }} SDK\nInternal build.\n")
    config = write_config(tmp_path, templates="mytemplates", client_class="Vids")
    result = run("generate", "--config", str(config), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "README.md").read_text() == "# Our Vids SDK\nInternal build.\n"
    assert "class Vids(" in (tmp_path / "out" / "vids" / "_client.py").read_text()


def test_config_errors_name_the_file_and_the_key(tmp_path: Path) -> None:
    config = write_config(tmp_path, mode="sometimes")
    result = run("generate", "--config", str(config), cwd=tmp_path)
    assert result.returncode == 2
    assert str(config) in result.stderr and "targets[0].mode" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_config_key_is_rejected(tmp_path: Path) -> None:
    config = write_config(tmp_path, pakage_name="typo")
    result = run("generate", "--config", str(config), cwd=tmp_path)
    assert result.returncode == 2 and "pakage_name" in result.stderr


def test_post_generation_hooks_run_in_the_output_folder(tmp_path: Path) -> None:
    config = write_config(tmp_path, hooks=["echo hooked > hook.txt"])
    assert run("generate", "--config", str(config), cwd=tmp_path).returncode == 0
    assert (tmp_path / "out" / "hook.txt").read_text().strip() == "hooked"


def test_sync_only_variant_selects_operations() -> None:
    lite = ROOT / "generated" / "openai-videos-lite" / "openai_videos_lite"
    resource = (lite / "resources" / "videos.py").read_text()
    assert "def remix(" in resource and "def retrieve(" in resource
    assert "def create(" not in resource and "def list(" not in resource
    assert "class AsyncVideos" not in resource
    assert "AsyncOpenAIVideosLite" not in (lite / "_client.py").read_text()


# --- the JSON Schema -------------------------------------------------------------------------------------------------


def test_the_schemas_are_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(config_schema())
    jsonschema.Draft202012Validator.check_schema(pyproject_schema())
    assert config_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_this_repositorys_configuration_validates() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    jsonschema.Draft202012Validator(config_schema()).validate(pyproject["tool"]["sdkforge"])
    jsonschema.Draft202012Validator(pyproject_schema()).validate(pyproject)


def _reader_keys(model: type[BaseModel], path: str = "") -> set[str]:
    """Every key path the reader's models accept (dict values and array items by their model)."""
    keys = set()
    for name, field in model.model_fields.items():
        key = f"{path}.{field.alias or name}"
        keys.add(key)
        annotation = field.annotation
        inner = [annotation, *getattr(annotation, "__args__", ())]
        for candidate in inner:
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                keys |= _reader_keys(candidate, key)
    return keys


def _schema_keys(schema: dict[str, Any], node: dict[str, Any], path: str = "") -> set[str]:
    keys = set()
    for name in node.get("properties", {}):
        key = f"{path}.{name}"
        keys.add(key)
        child = node_at(schema, (name,)) if node is schema else _resolve(schema, node["properties"][name])
        for nested in (child, _resolve(schema, child.get("items", {})), _resolve(schema, child.get("additionalProperties") or {})):
            keys |= _schema_keys(schema, nested, key)
    return keys


def _resolve(schema: dict[str, Any], node: Any) -> dict[str, Any]:
    if not isinstance(node, dict):
        return {}
    ref = node.get("$ref", "")
    return schema["$defs"][ref.split("/")[-1]] if ref else node


def test_every_key_the_reader_accepts_is_in_the_schema_and_back() -> None:
    schema = config_schema()
    reader = _reader_keys(Config)
    assert {".targets.language", ".targets.polling.pending", ".targets.include.tags", ".validate.rules"} <= reader
    assert _schema_keys(schema, schema) == reader


def test_enums_and_descriptions_reach_the_schema() -> None:
    target = node_at(config_schema(), ("targets", 0))
    assert target["additionalProperties"] is False
    assert target["properties"]["language"]["enum"] == ["python", "typescript"]
    assert target["properties"]["mode"]["enum"] == ["both", "sync", "async"]
    assert all(p.get("description") for p in target["properties"].values())
    assert node_at(config_schema(), ("validate", "rules", "SF023"))["enum"] == ["off", "error", "warning"]


TARGET = {"spec": "api.yaml", "output": "out", "package": "vids"}
BAD_CONFIGS = {
    "language": {"targets": [{**TARGET, "language": "rust"}]},
    "mode": {"targets": [{**TARGET, "mode": "both2"}]},
    "unknown-key": {"targets": [{**TARGET, "langauge": "python"}]},
    "package": {"targets": [{**TARGET, "package": "My-Pkg"}]},
    "missing": {"targets": [{"spec": "api.yaml", "output": "out"}]},
    "hooks": {"targets": [{**TARGET, "hooks": "ruff check"}]},
    "polling": {"targets": [{**TARGET, "polling": {"videos": {"pendng": ["queued"]}}}]},
    "pagination": {"targets": [{**TARGET, "pagination": {"videos.list": {"cursor_source": "first"}}}]},
    "targets-table": {"targets": TARGET},
    "rule-id": {"validate": {"rules": {"SF23": "off"}}},
    "rule-level": {"validate": {"rules": {"SF023": "warn"}}},
}


@pytest.mark.parametrize("name", BAD_CONFIGS)
def test_bad_configs_fail_the_schema_and_the_reader_alike(name: str, tmp_path: Path) -> None:
    table = BAD_CONFIGS[name]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(table, config_schema(), cls=jsonschema.Draft202012Validator)
    config = tmp_path / "sdkforge.yaml"
    config.write_text(yaml.safe_dump(table))
    with pytest.raises(ConfigError):
        load_config(config)


# --- errors name the file, the line and the key ------------------------------------------------------------------------

BROKEN_TOML = """\
[project]
name = "demo"

[[tool.sdkforge.targets]]
spec = "api.yaml"
output = "out"
package = "vids"

[[tool.sdkforge.targets]]
spec = "api.yaml"
output = "out2"
langauge = "python"
mode = "both2"
include = { tag = ["videos"] }

[tool.sdkforge.targets.polling.videos]
pending = "queued"

[tool.sdkforge.validate.rules]
SF023 = "of"
"""


def test_toml_errors_name_file_line_key_and_suggest(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(BROKEN_TOML)
    with pytest.raises(ConfigError) as raised:
        load_config(config)
    assert [d.headline() for d in raised.value.diagnostics] == [
        f"{config}:9: tool.sdkforge.targets[1].package: required key is missing",
        f'{config}:12: tool.sdkforge.targets[1].langauge: unknown key; did you mean "language"?',
        f'{config}:13: tool.sdkforge.targets[1].mode: "both2" is not one of "both", "sync", "async"; did you mean "both"?',
        f'{config}:14: tool.sdkforge.targets[1].include.tag: unknown key; did you mean "tags"?',
        f"{config}:17: tool.sdkforge.targets[1].polling.videos.pending: expected an array, got a string",
        f'{config}:20: tool.sdkforge.validate.rules.SF023: "of" is not one of "off", "error", "warning"; did you mean "off"?',
    ]


def test_yaml_errors_name_the_line_too(tmp_path: Path) -> None:
    config = tmp_path / "sdkforge.yaml"
    config.write_text("targets:\n  - spec: api.yaml\n    output: out\n    package: vids\n    language: rust\n")
    with pytest.raises(ConfigError) as raised:
        load_config(config)
    assert [d.headline() for d in raised.value.diagnostics] == [
        f'{config}:5: targets[0].language: "rust" is not one of "python", "typescript"',
    ]


def test_the_cli_prints_one_line_per_problem_and_exits_2(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(BROKEN_TOML)
    result = run("generate", cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 6 and all(line.startswith("error: pyproject.toml:") for line in lines), result.stderr
    assert "Traceback" not in result.stderr


def test_the_toml_locator_follows_headers_dotted_quoted_and_inline_keys() -> None:
    text = """\
[tool.sdkforge]
targets = [
  "not = a key",
]
note = \"\"\"
fake = 1
\"\"\"
[[tool.sdkforge.targets]]
spec = "a"   # comment [x]
[[tool.sdkforge.targets]]
polling.videos.retrieve = "get"
include = { tags = ["a"] }
[tool.sdkforge.targets.pagination."videos.list"]
'items' = "data"
"""
    lines = toml_lines(text)
    base = ("tool", "sdkforge", "targets")
    assert lines[base] == 2 and lines[(*base, 0)] == 8 and lines[(*base, 0, "spec")] == 9
    assert ("tool", "sdkforge", "fake") not in lines and ("tool", "sdkforge", "not") not in lines
    assert lines[(*base, 1, "polling", "videos", "retrieve")] == 11
    assert line_of(lines, (*base, 1, "include", "tags", 0)) == 12
    assert lines[(*base, 1, "pagination", "videos.list", "items")] == 14
    assert line_of(lines, ("elsewhere",)) == 0


def test_the_yaml_locator() -> None:
    lines = yaml_lines("targets:\n  - spec: a\n    polling:\n      videos: {retrieve: get}\n")
    assert lines[("targets", 0)] == 2 and lines[("targets", 0, "polling", "videos", "retrieve")] == 4
    assert yaml_lines("a: [") == {}


def test_schema_command_prints_the_schema() -> None:
    result = run("schema", cwd=ROOT)
    assert result.returncode == 0
    assert yaml.safe_load(result.stdout) == config_schema()
