"""Real-world specs of ``../shared/corpus`` (and ``../shared/corpus-swagger2``, once the generator reads Swagger 2.0)
as TypeScript SDKs: strict tsc and biome clean (the output is exactly what biome writes), generated in-process tests
pass.

A sample by default (3.0 and 3.1, split files, webhooks only, 238 operations); SDKFORGE_TS_CORPUS=all runs every
entry of every corpus, SDKFORGE_TS_CORPUS=format every entry's biome check only (about 2 minutes for the 30 entries). Without the corpus the module is skipped, except under CI (env ``CI`` set), where it fails.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from generator.config import Target

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("SDKFORGE_CORPUS", ROOT.parent / "shared" / "corpus"))
SWAGGER2 = Path(os.environ.get("SDKFORGE_CORPUS_SWAGGER2", ROOT.parent / "shared" / "corpus-swagger2"))
# the 2.0 corpus joins when the generator reads Swagger 2.0 (generator/load/swagger2/, per docs/DESIGN)
CORPORA = [CORPUS] + ([SWAGGER2] if (ROOT / "generator" / "load" / "swagger2").is_dir() else [])
MODE = os.environ.get("SDKFORGE_TS_CORPUS", "")
SAMPLE = {"train-travel", "scalar-galaxy", "matrix-sync", "radarr", "readme-webhooks", "readme-parameters-style"}


def _entries() -> list[tuple[str, Path]]:
    """(name, entry file) of every corpus entry: the 3.x manifest's ``entry`` is relative to the corpus, the 2.0
    manifest's ``entry_path`` to the entry's folder."""
    every = MODE in ("all", "format")
    rows: list[tuple[str, Path]] = []
    for corpus in CORPORA:
        manifest = corpus / "MANIFEST.tsv"
        if not manifest.is_file():
            continue
        with manifest.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                entry = corpus / row["entry"] if "entry" in row else corpus / row["name"] / row["entry_path"]
                if every or row["name"] in SAMPLE:
                    rows.append((row["name"], entry))
    return rows


ENTRIES = _entries()


@pytest.mark.parametrize(("name", "spec"), ENTRIES or [("none", Path())], ids=[n for n, _ in ENTRIES] or ["none"])
def test_corpus_entry_typechecks_and_its_tests_pass(ts, name: str, spec: Path, tmp_path: Path) -> None:
    if not ENTRIES:
        if os.environ.get("CI"):
            pytest.fail(f"the real-world spec corpus is missing: {CORPUS / 'MANIFEST.tsv'}")
        pytest.skip(f"{CORPUS / 'MANIFEST.tsv'} not present")
    sdk = tmp_path / "sdk"
    target = Target(spec=str(spec), output=str(sdk), language="typescript", package=name.replace("-", "_"))
    ts.write(target, sdk, root=tmp_path)
    ts.check_format(sdk)
    if MODE != "format":
        print(f"{name}: tsc {ts.typecheck(sdk):.2f} s")
        ts.run_tests(sdk, tmp_path / "build", prism=False)
