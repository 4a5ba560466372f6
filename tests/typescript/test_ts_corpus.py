"""Real-world specs of the corpora (``../shared/corpus``, ``../shared/corpus-swagger2``: tests/corpus/corpora.py) as
TypeScript SDKs: strict tsc and biome clean, generated in-process tests pass.

Every entry of both corpora (30 + 12), as CI runs them; SDKFORGE_TS_CORPUS=sample runs a quick sample (3.0 and 3.1,
split files, webhooks only, 238 operations, and the 2.0 entries), SDKFORGE_TS_CORPUS=format every entry's biome check
only. The entries of ``PRISM`` run their Prism tests too. Without the corpora the module is skipped, except under CI (env
``CI`` set), where a missing corpus is a failure.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from generator.config import Target

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "corpus"))
import corpora  # tests/corpus/corpora.py

MODE = os.environ.get("SDKFORGE_TS_CORPUS", "")
SAMPLE = {"train-travel", "scalar-galaxy", "matrix-sync", "radarr", "readme-webhooks", "readme-parameters-style"}
PRISM = {"train-travel"}  # their Prism tests too (tests/corpus/prism_all.py runs every entry's on demand)


def _entries() -> list[tuple[str, Path]]:
    every = MODE != "sample"
    return [(e.id, e.spec) for e in corpora.entries() if every or e.swagger2 or e.name in SAMPLE]


@pytest.mark.parametrize(("name", "spec"), [pytest.param(*e, id=e[0]) for e in _entries() or [("missing", Path())]])
def test_corpus_entry_typechecks_and_its_tests_pass(ts, name: str, spec: Path, tmp_path: Path) -> None:
    absent = corpora.missing()
    if absent and os.environ.get("CI"):
        pytest.fail(f"a real-world spec corpus is missing: {', '.join(map(str, absent))}")
    if name == "missing":
        pytest.skip(f"the real-world spec corpora are not available at {', '.join(map(str, absent))}")
    package = name.rpartition("/")[2].replace("-", "_")
    target = Target(spec=str(spec), output=str(tmp_path / "sdk"), language="typescript", package=package)
    sdk = tmp_path / "sdk"
    ts.write(target, sdk, root=tmp_path)
    ts.check_format(sdk)
    if MODE != "format":
        print(f"{name}: tsc {ts.typecheck(sdk):.2f} s")
        ts.run_tests(sdk, tmp_path / "build", prism=name in PRISM)
