"""The CLI a user meets: help with examples, init, --watch, plain errors in CI, and a generated SDK that builds as a
wheel and installs in a fresh virtual environment."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "specs" / "openai-videos.yaml"


def sdkforge(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], check=False, cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("command", ["generate", "check", "validate", "diff", "init", "schema"])
def test_every_subcommand_help_shows_examples(command: str) -> None:
    result = sdkforge(command, "--help", cwd=ROOT)
    assert result.returncode == 0
    assert "example" in result.stdout.lower()


def test_init_writes_a_config_that_generates(tmp_path: Path) -> None:
    result = sdkforge("init", str(SPEC), "--package-name", "vids", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    config = (tmp_path / "pyproject.toml").read_text()
    assert '[[tool.sdkforge.targets]]' in config and 'package = "vids"' in config and "# mode =" in config
    assert sdkforge("generate", cwd=tmp_path).returncode == 0
    assert (tmp_path / "generated" / "vids" / "vids" / "_client.py").is_file()
    again = sdkforge("init", str(SPEC), cwd=tmp_path)
    assert again.returncode == 2 and "already has a [tool.sdkforge]" in again.stderr


def test_init_yaml(tmp_path: Path) -> None:
    assert sdkforge("init", str(SPEC), "--yaml", cwd=tmp_path).returncode == 0
    assert sdkforge("generate", "--config", "sdkforge.yaml", cwd=tmp_path).returncode == 0


@pytest.mark.parametrize("form", [(), ("--yaml",)], ids=["toml", "yaml"])
def test_init_typescript_writes_a_target_that_generates(form: tuple[str, ...], tmp_path: Path) -> None:
    result = sdkforge("init", str(SPEC), "--package-name", "vids", "--language", "typescript", *form, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    config = (tmp_path / ("sdkforge.yaml" if form else "pyproject.toml")).read_text()
    keys = re.findall(r"^\s*#?\s*([\w-]+)\s*[:=]", config, re.MULTILINE)  # the spec's path may hold any word
    assert "TypeScript SDK" in config and "typescript" in config and "mode" not in keys
    assert sdkforge("generate", *(("--config", "sdkforge.yaml") if form else ()), cwd=tmp_path).returncode == 0
    package = tmp_path / "generated" / "vids"
    assert json.loads((package / "package.json").read_text())["name"] == "vids"
    assert (package / "src" / "client.ts").is_file() and not (package / "vids").exists()


def test_watch_regenerates_when_the_spec_changes(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC.read_text())
    (tmp_path / "sdkforge.yaml").write_text("targets:\n  - spec: spec.yaml\n    output: out\n    package: vids\n")
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "generate", "--watch", "--config", "sdkforge.yaml"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    video_module = tmp_path / "out" / "vids" / "types" / "video.py"
    try:
        deadline = time.monotonic() + 60
        while not video_module.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert video_module.exists()
        assert "thumbnail_url" not in video_module.read_text()
        spec.write_text(
            spec.read_text().replace(
                "        id:\n          type: string\n",
                "        thumbnail_url:\n          type: string\n        id:\n          type: string\n",
                1,
            )
        )
        while "thumbnail_url" not in video_module.read_text() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert "thumbnail_url" in video_module.read_text()
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_errors_are_plain_one_line_without_a_tty(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("openapi: 3.1.0\ninfo: {title: x}\npaths: {}\n")
    result = sdkforge("generate", str(bad), "-o", str(tmp_path / "o"), "--package-name", "x", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("error: ") and "\x1b[" not in result.stderr
    assert f"{bad}:2:" in result.stderr and "/info" in result.stderr


def test_generated_sdk_builds_a_wheel_that_installs_and_imports_in_a_fresh_venv(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), str(ROOT / "generated" / "openai-videos")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stderr
    wheel = next(wheels.glob("openai_videos-*.whl"))
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    # a real install: the wheel's declared dependencies come from the package index
    install = subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], capture_output=True, text=True, timeout=600)
    assert install.returncode == 0, install.stderr
    check = subprocess.run(
        [str(python), "-c", "import openai_videos, sys; from openai_videos.types import Video; "
         "assert 'site-packages' in openai_videos.__file__; print(openai_videos.__version__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
        timeout=120,
    )
    assert check.returncode == 0, check.stderr
    assert check.stdout.strip() == "0.1.0"
    assert (Path(str(wheel)).stat().st_size) > 0
