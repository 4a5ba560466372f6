"""Every real-world spec in ``../shared/corpus`` becomes an SDK that imports, passes ``mypy --strict`` and its own tests.

The run itself is in ``conftest.py``; each test reports one entry. Without the corpus the tests are skipped, except
under CI (env ``CI`` set), where a missing corpus is a failure. The generated API reference must list exactly as many
methods as the manifest counts operations: a silently dropped operation is a failure, not a smaller SDK.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Any

import pytest

CORPUS = Path(os.environ.get("SDKFORGE_CORPUS", Path(__file__).resolve().parents[2].parent / "shared" / "corpus"))


def _entries() -> list[dict[str, str]]:
    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.is_file():
        return []
    with manifest.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


@pytest.mark.parametrize("entry", _entries() or [{"name": "missing"}], ids=lambda e: e["name"])
def test_corpus_entry(entry: dict[str, str], corpus_outcomes: dict[str, Any]) -> None:
    outcome = corpus_outcomes[entry["name"]]
    steps = "; ".join(outcome.log)
    assert not outcome.failed_step, f"{entry['name']}: {outcome.failed_step} failed ({steps})\n{outcome.output}"
    assert outcome.methods == int(entry["operations"]), (
        f"{entry['name']}: {outcome.methods} methods generated for {entry['operations']} operations"
    )
