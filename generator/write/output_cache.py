"""A cache of whole generated outputs, keyed by a hash of everything they depend on (see pipeline._output_key).

Kept beside the black cache, outside the repository; any problem reading or writing it just means no cache.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

from generator.cache import cache_dir


def _path(key: str) -> Path | None:
    folder = cache_dir()
    return folder / f"output-{key}.json.gz" if folder is not None else None


def get(key: str | None) -> tuple[dict[str, str], tuple[str, ...], int] | None:
    path = _path(key) if key else None
    if path is None or not path.is_file():
        return None
    try:
        data = json.loads(gzip.decompress(path.read_bytes()))
        return dict(data["files"]), tuple(data["warnings"]), int(data.get("operations", 0))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def put(key: str | None, files: dict[str, str], warnings: tuple[str, ...], operations: int = 0) -> None:
    path = _path(key) if key else None
    if path is None:
        return
    try:
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(gzip.compress(json.dumps({"files": files, "warnings": list(warnings), "operations": operations}).encode(), 1))
        os.replace(tmp, path)
    except OSError:
        pass
