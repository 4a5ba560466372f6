"""Real-world specs of ``../shared/corpus`` as TypeScript SDKs: strict tsc and biome clean, generated in-process
tests pass.

A sample by default (3.0 and 3.1, split files, webhooks only, 238 operations); SDKFORGE_TS_CORPUS=all runs every
entry. The entries of ``PRISM`` run their Prism tests too. Without the corpus the module is skipped.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from generator.config import Target

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("SDKFORGE_CORPUS", ROOT.parent / "shared" / "corpus"))
MANIFEST = CORPUS / "MANIFEST.tsv"
SAMPLE = {"train-travel", "scalar-galaxy", "matrix-sync", "radarr", "readme-webhooks", "readme-parameters-style"}
PRISM = {"train-travel"}  # their Prism tests too (tests/corpus/prism_all.py runs every entry's on demand)


def _entries() -> list[tuple[str, str]]:
    if not MANIFEST.is_file():
        return []
    with MANIFEST.open(encoding="utf-8", newline="") as fh:
        rows = [(row["name"], row["entry"]) for row in csv.DictReader(fh, delimiter="\t")]
    every = os.environ.get("SDKFORGE_TS_CORPUS") == "all"
    return [row for row in rows if every or row[0] in SAMPLE]


pytestmark = pytest.mark.skipif(not MANIFEST.is_file(), reason=f"{MANIFEST} not present")


@pytest.mark.parametrize(("name", "entry"), _entries() or [("none", "")])
def test_corpus_entry_typechecks_and_its_tests_pass(ts, name: str, entry: str, tmp_path: Path) -> None:
    spec = CORPUS / entry
    target = Target(spec=str(spec), output=str(tmp_path / "sdk"), language="typescript", package=name.replace("-", "_"))
    sdk = tmp_path / "sdk"
    ts.write(target, sdk, root=tmp_path)
    print(f"{name}: tsc {ts.typecheck(sdk):.2f} s")
    ts.check_format(sdk)
    ts.run_tests(sdk, tmp_path / "build", prism=name in PRISM)
