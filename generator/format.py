"""Format rendered Python with black; files black would not change are skipped by a content-addressed cache."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import black

LINE_LENGTH = 120
_MODE = black.Mode(line_length=LINE_LENGTH, target_versions={black.TargetVersion.PY39})


def _cache_dir() -> Path | None:
    root = os.environ.get("SDKFORGE_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "sdkforge", "black-" + black.__version__
    )
    try:
        Path(root).mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return Path(root)


def format_python(text: str, *, name: str = "<generated>", cache: Path | None = None) -> str:
    key = hashlib.sha256(text.encode()).hexdigest()
    cached = cache / key if cache is not None else None
    if cached is not None and cached.is_file():
        return cached.read_text(encoding="utf-8")
    try:
        result = black.format_str(text, mode=_MODE)
    except black.InvalidInput as exc:  # a template bug, never a spec problem: say which file
        raise RuntimeError(f"generated file {name} is not valid Python: {exc}") from None
    if cached is not None:
        try:
            tmp = cached.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(result, encoding="utf-8")
            os.replace(tmp, cached)
        except OSError:
            pass
    return result


def format_files(files: dict[str, str]) -> dict[str, str]:
    cache = _cache_dir()
    return {
        path: format_python(text, name=path, cache=cache) if path.endswith(".py") else text
        for path, text in files.items()
    }
