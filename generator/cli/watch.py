"""``sdkforge generate --watch``: rerun generation whenever one of the watched files changes (mtime polling)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

POLL_SECONDS = 0.3


def _stamp(files: list[Path]) -> tuple[float, ...]:
    stamps = []
    for path in files:
        try:
            stamps.append(path.stat().st_mtime)
        except OSError:
            stamps.append(-1.0)
    return tuple(stamps)


def watch(generate: Callable[[], int], files: list[Path], *, max_runs: int | None = None) -> int:
    """Generate now, then again after every change; a failed run keeps watching. Ctrl-C stops."""
    runs = 0
    last = _stamp(files)
    code = generate()
    runs += 1
    print(f"watching {len(files)} file(s) for changes (Ctrl-C to stop)", file=sys.stderr, flush=True)
    try:
        while max_runs is None or runs < max_runs:
            time.sleep(POLL_SECONDS)
            current = _stamp(files)
            if current != last:
                last = current
                code = generate()
                runs += 1
                sys.stdout.flush()
    except KeyboardInterrupt:
        pass
    return code
