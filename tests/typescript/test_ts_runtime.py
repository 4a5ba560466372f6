"""The static TypeScript runtime: strict tsc clean, formatted by biome, and its node:test suite passing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
RUNTIME = ROOT / "generator" / "targets" / "typescript" / "runtime"
NODE_BIN = ROOT / "node_modules" / ".bin"


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


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(arg) for arg in args], cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
    )


def _output(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}\n{result.stdout[-20000:]}\n{result.stderr[-5000:]}"


def test_runtime_typechecks_strictly_without_node_types(tools: Path) -> None:
    """Only ES2022 + DOM types: the runtime needs the global fetch and nothing from Node."""
    result = _run(tools / "tsc", "-p", HERE / "tsconfig.runtime.json")
    assert result.returncode == 0, _output(result)


def test_runtime_and_tests_are_formatted(tools: Path) -> None:
    result = _run(tools / "biome", "format", "--config-path", HERE / "biome-format.json", RUNTIME, HERE)
    assert result.returncode == 0, _output(result)


def test_node_tests_pass(tools: Path, tmp_path: Path) -> None:
    """Node 20 cannot run .ts: compile runtime and tests to a temporary folder, then `node --test` it."""
    build = _run(tools / "tsc", "-p", HERE / "tsconfig.json", "--noEmit", "false", "--outDir", tmp_path)
    assert build.returncode == 0, _output(build)
    (tmp_path / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    compiled = sorted((tmp_path / "tests" / "typescript").glob("*.test.js"))
    assert len(compiled) == len(list(HERE.glob("*.test.ts"))) > 0
    # one process for every file: a process per file costs about a second each on a loaded machine
    entry = tmp_path / "all.test.mjs"
    entry.write_text("".join(f"import {json.dumps(path.as_uri())};\n" for path in compiled), encoding="utf-8")
    result = _run("node", "--test", entry)
    assert result.returncode == 0, _output(result)
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout, _output(result)
