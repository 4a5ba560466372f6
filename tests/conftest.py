"""What every test shares: one mypy cache for the session.

Most of a `mypy --strict` run over a small generated package is the analysis of what it imports (the standard
library, pydantic, httpx: about 17 of 18 CPU-seconds here); the tests that type-check run one after another, so they
share one cache instead of each starting from nothing. The corpus run's parallel workers keep caches of their own
(`--cache-dir`, which wins over the environment).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

if "MYPY_CACHE_DIR" not in os.environ:
    _CACHE = tempfile.mkdtemp(prefix="sdkforge-mypy-cache-")
    os.environ["MYPY_CACHE_DIR"] = _CACHE
    atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)  # tens of MB per run, otherwise left behind
