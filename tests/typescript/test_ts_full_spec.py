"""The full public OpenAI spec (288 operations) as a TypeScript SDK: strict tsc and biome clean, its node:test suite
passes.

The spec lives outside the repository (``../shared/specs/openai-openapi.yaml``); without it the module is skipped.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import load_config

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT.parent / "shared" / "specs" / "openai-openapi.yaml"

pytestmark = pytest.mark.skipif(not SPEC.is_file(), reason=f"{SPEC} not present")


@pytest.fixture(scope="module")
def sdk(ts, tmp_path_factory: pytest.TempPathFactory) -> Path:
    config, _ = load_config(ROOT / "pyproject.toml")
    target = next(t for t in config.targets if t.language == "typescript")
    target = target.model_copy(update={"spec": str(SPEC), "polling": {}, "pagination": {}, "operations": {}})
    out = tmp_path_factory.mktemp("ts-full")
    ts.write(target, out)
    return out


def test_full_spec_typechecks_strictly_and_is_formatted(ts, sdk: Path) -> None:
    print(f"tsc --noEmit on the full spec: {ts.typecheck(sdk):.2f} s")
    ts.check_format(sdk)


def test_full_spec_generated_tests_pass(ts, sdk: Path, tmp_path: Path) -> None:
    ts.run_tests(sdk, tmp_path, prism=False)  # in-process only: Prism on 288 operations takes minutes
