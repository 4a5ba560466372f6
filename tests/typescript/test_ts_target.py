"""The TypeScript target: the openai-videos SDK generates, type-checks strictly, is biome-formatted, its node:test
suite passes, and generated/openai-videos-ts is what the generator writes today."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from generator.config import load_config
from generator.pipeline import build_target
from generator.write.files import compare

ROOT = Path(__file__).resolve().parents[2]
NODE_BIN = ROOT / "node_modules" / ".bin"
COMMITTED = ROOT / "generated" / "openai-videos-ts"


def _ts_target():
    config, root = load_config(ROOT / "pyproject.toml")
    return next(t for t in config.targets if t.language == "typescript"), root


@pytest.fixture(scope="module")
def tools() -> Path:
    """node_modules/.bin, or a skip (a failure under CI) when `npm ci` has not been run."""
    missing = [name for name in ("tsc", "biome") if not (NODE_BIN / name).exists()]
    if missing or shutil.which("node") is None:
        reason = f"TypeScript tools missing ({', '.join(missing) or 'node'}): run `npm ci`"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return NODE_BIN


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The openai-videos TypeScript SDK written to a temporary folder (node_modules linked for @types/node)."""
    target, root = _ts_target()
    out = tmp_path_factory.mktemp("ts-sdk")
    for rel, text in build_target(target, root).files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    (out / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return out


def _run(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=600, check=False)


def _output(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}\n{result.stdout[-20000:]}\n{result.stderr[-5000:]}"


def test_committed_sdk_is_up_to_date() -> None:
    target, root = _ts_target()
    result = compare(COMMITTED, build_target(target, root).files)
    assert result.clean, f"regenerate with `python -m generator`: {result}"


def test_sdk_typechecks_strictly(tools: Path, sdk: Path) -> None:
    started = time.perf_counter()
    result = _run(tools / "tsc", "-p", sdk / "tsconfig.test.json", "--noEmit")
    assert result.returncode == 0, _output(result)
    print(f"tsc --noEmit: {time.perf_counter() - started:.2f} s")


def test_sdk_is_formatted(tools: Path, sdk: Path) -> None:
    result = _run(tools / "biome", "format", "--config-path", sdk / "biome.json", sdk / "src", sdk / "tests")
    assert result.returncode == 0, _output(result)


def test_generated_tests_pass(tools: Path, sdk: Path, tmp_path: Path) -> None:
    """Compiled to a temporary folder (Node 20 cannot run .ts), then every test file in one node process."""
    build = _run(tools / "tsc", "-p", sdk / "tsconfig.test.json", "--outDir", tmp_path)
    assert build.returncode == 0, _output(build)
    (tmp_path / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    compiled = sorted((tmp_path / "tests").glob("*.test.js"))
    assert compiled
    entry = tmp_path / "all.test.mjs"
    entry.write_text("".join(f"import {json.dumps(path.as_uri())};\n" for path in compiled), encoding="utf-8")
    result = _run("node", "--test", entry)
    assert result.returncode == 0, _output(result)
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout, _output(result)
