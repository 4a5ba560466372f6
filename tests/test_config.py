"""Configuration: standalone sdkforge.yaml, errors naming key and file, template overrides, hooks, variants."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "specs" / "openai-videos.yaml"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


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
