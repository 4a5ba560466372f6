"""Every real-world spec of the corpora (``../shared/corpus``: OpenAPI 3.x; ``../shared/corpus-swagger2``: Swagger 2.0)
becomes an SDK that imports, passes ``mypy --strict`` and its own tests.

The run itself is in ``conftest.py``; each test reports one entry. Without the corpora the tests are skipped, except
under CI (env ``CI`` set), where a missing corpus is a failure. The generated API reference must list exactly as many
methods as the manifest counts operations: a silently dropped operation is a failure, not a smaller SDK.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpora  # beside this file

ENTRIES = corpora.entries()


@pytest.mark.parametrize("entry", ENTRIES or [None], ids=[e.id for e in ENTRIES] or ["missing"])
def test_corpus_entry(entry: corpora.Entry | None, corpus_outcomes: dict[str, Any]) -> None:
    assert entry is not None
    outcome = corpus_outcomes[entry.id]
    steps = "; ".join(outcome.log)
    print(f"{entry.id}: {steps}")  # the step times (pytest -rP shows them)
    assert not outcome.failed_step, f"{entry.id}: {outcome.failed_step} failed ({steps})\n{outcome.output}"
    assert outcome.methods == entry.operations, (
        f"{entry.id}: {outcome.methods} methods generated for {entry.operations} operations"
    )
