"""What every test shares: one mypy cache for the session.

Most of a `mypy --strict` run over a small generated package is the analysis of what it imports (the standard
library, pydantic, httpx: about 17 of 18 CPU-seconds here); the tests that type-check run one after another, so they
share one cache instead of each starting from nothing. The corpus run's parallel workers keep caches of their own
(`--cache-dir`, which wins over the environment).
"""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("MYPY_CACHE_DIR", tempfile.mkdtemp(prefix="sdkforge-mypy-cache-"))
