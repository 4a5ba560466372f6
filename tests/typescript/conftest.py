"""TypeScript SDK checks shared by the target's tests: write an SDK, type-check it, check its format, run its tests."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from generator.config import Target

ROOT = Path(__file__).resolve().parents[2]
NODE_BIN = ROOT / "node_modules" / ".bin"


class TsTools:
    def __init__(self, bin_dir: Path) -> None:
        self.bin = bin_dir

    def write(self, target: Target, out: Path, root: Path = ROOT) -> dict[str, str]:
        """The SDK of ``target`` written to ``out``, with node_modules linked (for @types/node)."""
        from generator.pipeline import build_target

        files = build_target(target, root).files
        for rel, text in files.items():
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            (out / rel).write_text(text, encoding="utf-8")
        (out / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
        return files

    def typecheck(self, sdk: Path) -> float:
        """Seconds `tsc --noEmit` took on the SDK and its tests (strict); fails the test on any error."""
        started = time.perf_counter()
        result = run(self.bin / "tsc", "-p", sdk / "tsconfig.test.json", "--noEmit")
        assert result.returncode == 0, output(result)
        return time.perf_counter() - started

    def check_format(self, sdk: Path, *folders: str) -> None:
        # run from the SDK: biome refuses a folder under another project's biome.json (in a shared /tmp, say)
        result = run(self.bin / "biome", "format", "--config-path", "biome.json", *(folders or ("src", "tests")), cwd=sdk)
        assert result.returncode == 0, output(result)

    def run_tests(self, sdk: Path, build: Path, *, prism: bool = True) -> str:
        """Compiled to ``build`` (Node 20 cannot run .ts), then every test file in one node process; the Prism
        tests serve the spec copy next to them, or skip themselves when ``prism`` is false."""
        compiled = run(self.bin / "tsc", "-p", sdk / "tsconfig.test.json", "--outDir", build)
        assert compiled.returncode == 0, output(compiled)
        (build / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
        for spec in (sdk / "tests").glob("openapi.*"):
            shutil.copy(spec, build / "tests" / spec.name)
        tests = sorted((build / "tests").glob("*.test.js"))
        if not tests:
            return ""  # an API without operations (webhooks only) has nothing to call
        return self.node_test(tests, build, env={**os.environ, **({} if prism else {"SDKFORGE_NO_PRISM": "1"})})

    @staticmethod
    def node_test(tests: list[Path], build: Path, env: dict[str, str] | None = None) -> str:
        """Every compiled test file in one `node --test` process (a process per file costs about a second each);
        fails the test unless some tests ran and none failed."""
        entry = build / "all.test.mjs"
        entry.write_text("".join(f"import {json.dumps(path.as_uri())};\n" for path in tests), encoding="utf-8")
        result = run("node", "--test", entry, env=env)
        assert result.returncode == 0, output(result)
        assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout, output(result)
        return result.stdout


@pytest.fixture(scope="session")
def ts() -> TsTools:
    """The TypeScript tools, or a skip (a failure under CI) when `npm ci` has not been run."""
    missing = [name for name in ("tsc", "biome") if not (NODE_BIN / name).exists()]
    if missing or shutil.which("node") is None:
        reason = f"TypeScript tools missing ({', '.join(missing) or 'node'}): run `npm ci`"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return TsTools(NODE_BIN)


def run(*args: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600,
                          check=False)


def output(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}\n{result.stdout[-20000:]}\n{result.stderr[-5000:]}"
