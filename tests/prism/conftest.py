"""What the Prism tests share: ``prism_all``, the corpus script's steps that generate an SDK and run its Prism tests
(failing in CI, skipped elsewhere, when Prism is not installed)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

TESTS = Path(__file__).resolve().parents[1]


@pytest.fixture
def prism_all() -> ModuleType:
    if not (TESTS.parent / "node_modules" / ".bin" / "prism").exists():
        if os.environ.get("CI"):
            pytest.fail("Prism is not installed: run `npm ci`")
        pytest.skip("Prism is not installed (npm ci)")
    sys.path.insert(0, str(TESTS / "corpus"))
    try:
        import prism_all as steps
    finally:
        sys.path.remove(str(TESTS / "corpus"))
    return steps
