"""Where sdkforge keeps its caches: $SDKFORGE_CACHE_DIR, else ~/.cache/sdkforge/<black version>. Never in the repo."""

from __future__ import annotations

import os
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path


@lru_cache(maxsize=1)
def black_version() -> str:
    return version("black")


def cache_dir() -> Path | None:
    root = os.environ.get("SDKFORGE_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "sdkforge", "black-" + black_version()
    )
    try:
        Path(root).mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return Path(root)
