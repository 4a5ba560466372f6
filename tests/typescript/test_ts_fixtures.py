"""Every fixture spec (tests/fixtures/specs: unions, nullables, recursion, auth, multipart, streaming, names...) as a
TypeScript SDK: strict tsc and biome clean, its generated in-process tests pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import Target

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "specs"
# and the Swagger 2.0 fixtures (upgraded on load), a split one among them
SPECS = sorted(FIXTURES.glob("*.yaml")) + sorted(FIXTURES.glob("swagger2/*.yaml")) + [FIXTURES / "swagger2/split/spec.yaml"]


@pytest.mark.parametrize("spec", SPECS, ids=[s.relative_to(FIXTURES).with_suffix("").as_posix() for s in SPECS])
def test_fixture_spec_as_typescript(ts, spec: Path, tmp_path: Path) -> None:
    sdk = tmp_path / "sdk"
    ts.write(Target(spec=str(spec), output=str(sdk), language="typescript", package="fixture"), sdk, root=tmp_path)
    ts.typecheck(sdk)
    ts.check_format(sdk)
    ts.run_tests(sdk, tmp_path / "build", prism=False)
