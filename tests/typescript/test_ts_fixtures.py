"""Every fixture spec (tests/fixtures/specs: unions, nullables, recursion, auth, multipart, streaming, names...) as a
TypeScript SDK: strict tsc and biome clean, its generated in-process tests pass."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.config import Target

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "specs"
# and the Swagger 2.0 fixtures (upgraded on load), a split one among them
SPECS = sorted(FIXTURES.glob("*.yaml")) + sorted(FIXTURES.glob("swagger2/*.yaml")) + [FIXTURES / "swagger2/split/spec.yaml"]


# fixture -> a hand-written test compiled and run with the fixture's generated tests (its package name)
EXTRA = {"auth": ("fx_auth", ROOT / "tests" / "fixtures" / "typescript" / "auth-wire.test.ts"),
         "multipart": ("fx_multipart", ROOT / "tests" / "fixtures" / "typescript" / "multipart-wire.test.ts")}


@pytest.mark.parametrize("spec", SPECS, ids=[s.relative_to(FIXTURES).with_suffix("").as_posix() for s in SPECS])
def test_fixture_spec_as_typescript(ts, spec: Path, tmp_path: Path) -> None:
    sdk = tmp_path / "sdk"
    package, extra = EXTRA.get(spec.stem, ("fixture", None))
    ts.write(Target(spec=str(spec), output=str(sdk), language="typescript", package=package), sdk, root=tmp_path)
    if extra is not None:
        shutil.copy(extra, sdk / "tests" / extra.name)
    ts.typecheck(sdk)
    ts.check_format(sdk)
    # auth against Prism too: it answers 401 when a required credential (basic, cookie...) is missing
    output = ts.run_tests(sdk, tmp_path / "build", prism=spec.stem == "auth")
    if extra is not None:
        assert f"ok 1 - {spec.stem} fixture on the wire" in output, output[-3000:]
        assert spec.stem != "auth" or "# skipped 0" in output, output[-3000:]  # auth's Prism tests ran
