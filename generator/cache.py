"""sdkforge's caches: where they live (never in the repo) and the cache of whole generated outputs.

The folder is $SDKFORGE_CACHE_DIR, else ~/.cache/sdkforge/black-<black version>. A whole output is stored under a key
of everything it depends on (see pipeline._output_key); any problem reading or writing it just means no cache.
"""

from __future__ import annotations

import gc
import gzip
import json
import os
import pickle
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

Output = tuple[dict[str, str], tuple[str, ...], int]  # files, warnings, operations


@lru_cache(maxsize=1)
def black_version() -> str:
    """The installed black's version, from the name of its dist-info folder next to it (importlib.metadata costs more
    to import than a cached regeneration takes)."""
    spec = find_spec("black")
    if spec is not None and spec.origin:
        found = sorted(Path(spec.origin).parent.parent.glob("black-*.dist-info"))
        if len(found) == 1:
            return found[0].name[len("black-"):-len(".dist-info")]
    from importlib.metadata import version

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


def _output_path(key: str | None) -> Path | None:
    folder = cache_dir() if key else None
    return folder / f"output-{key}.json.gz" if folder is not None else None


def get_output(key: str | None) -> Output | None:
    """The output stored under ``key``, or None."""
    path = _output_path(key)
    if path is None or not path.is_file():
        return None
    try:
        data = json.loads(gzip.decompress(path.read_bytes()))
        return dict(data["files"]), tuple(data["warnings"]), int(data.get("operations", 0))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def put_output(key: str | None, files: dict[str, str], warnings: tuple[str, ...], operations: int = 0) -> None:
    """Store an output under ``key`` (written to a temporary file and renamed: readers never see half of it)."""
    path = _output_path(key)
    if path is None:
        return
    record = {"files": files, "warnings": list(warnings), "operations": operations}
    try:
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(gzip.compress(json.dumps(record).encode(), 1))
        os.replace(tmp, path)
    except OSError:
        pass


def get_record(kind: str, key: str) -> Any:
    """A value ``put_record`` stored under (kind, key), or None (pickled: the cache is this machine's own)."""
    folder = cache_dir()
    if folder is None:
        return None
    enabled = gc.isenabled()
    gc.disable()  # unpickling makes many objects at once: the cyclic GC would walk them again and again
    try:
        return pickle.loads((folder / f"{kind}-{key}.pickle").read_bytes())
    except Exception:  # noqa: BLE001 - missing, partial or from another Python: no record
        return None
    finally:
        if enabled:
            gc.enable()


def put_record(kind: str, key: str, value: Any) -> None:
    """Store ``value`` under (kind, key), written to a temporary file and renamed."""
    folder = cache_dir()
    if folder is None:
        return
    path = folder / f"{kind}-{key}.pickle"
    try:
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError):
        pass
