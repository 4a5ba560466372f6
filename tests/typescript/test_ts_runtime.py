"""The static TypeScript runtime: strict tsc clean, formatted by biome, and its node:test suite passing."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
RUNTIME = ROOT / "generator" / "targets" / "typescript" / "runtime"


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(arg) for arg in args], cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
    )


def _output(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}\n{result.stdout[-20000:]}\n{result.stderr[-5000:]}"


def test_runtime_typechecks_strictly_without_node_types(ts: Any) -> None:
    """Only ES2022 + DOM types: the runtime needs the global fetch and nothing from Node."""
    result = _run(ts.bin / "tsc", "-p", HERE / "tsconfig.runtime.json")
    assert result.returncode == 0, _output(result)


def test_runtime_and_tests_are_formatted(ts: Any) -> None:
    result = _run(ts.bin / "biome", "format", "--config-path", HERE / "biome-format.json", RUNTIME, HERE)
    assert result.returncode == 0, _output(result)


def test_node_tests_pass(ts: Any, tmp_path: Path) -> None:
    """Node 20 cannot run .ts: compile runtime and tests to a temporary folder, then `node --test` it."""
    build = _run(ts.bin / "tsc", "-p", HERE / "tsconfig.json", "--noEmit", "false", "--outDir", tmp_path)
    assert build.returncode == 0, _output(build)
    (tmp_path / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    compiled = sorted((tmp_path / "tests" / "typescript").glob("*.test.js"))
    assert len(compiled) == len(list(HERE.glob("*.test.ts"))) > 0
    ts.node_test(compiled, tmp_path)
