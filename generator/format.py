"""Format rendered Python with black, only where it would change something.

The templates render black-stable code (exploded lists with magic trailing commas, black's quoting and docstring
rules, wrapped imports; see pysource.py), so a file whose code lines all fit in LINE_LENGTH is already formatted and
is written as rendered. Files with a longer code line go through black: from a content-addressed cache when seen
before, otherwise in parallel across the machine's cores. A test runs `black --check` over generated SDKs, so this
shortcut cannot drift from black's style unnoticed.
"""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import black

from .cache import cache_dir
from .pysource import LINE_LENGTH

_MODE = black.Mode(line_length=LINE_LENGTH, target_versions={black.TargetVersion.PY39})
_PARALLEL_THRESHOLD = 8  # fewer files than this are not worth starting worker processes for


def needs_black(text: str) -> bool:
    """Whether a code line (not a comment, not part of a docstring) is longer than LINE_LENGTH.

    Black never rewraps comments or string contents. Our docstrings start a line with triple quotes and never
    contain them (docs.docstring escapes them), which is what lets a line scan find them.
    """
    in_docstring = False
    for line in text.splitlines():
        stripped = line.lstrip()
        if in_docstring:
            in_docstring = '"""' not in line
        elif stripped.startswith('"""'):
            in_docstring = stripped.count('"""') == 1
        elif len(line) > LINE_LENGTH and not stripped.startswith("#"):
            return True
    return False


def _key(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _black(item: tuple[str, str]) -> tuple[str, str]:
    name, text = item
    try:
        return name, black.format_str(text, mode=_MODE)
    except black.InvalidInput as exc:  # a template bug, never a spec problem: say which file
        raise RuntimeError(f"generated file {name} is not valid Python: {exc}") from None


def format_python(text: str, *, name: str = "<generated>") -> str:
    return format_files({name: text})[name]


def format_files(files: dict[str, str]) -> dict[str, str]:
    cache = cache_dir()
    out = dict(files)
    todo: list[tuple[str, str]] = []
    for path, text in files.items():
        if not path.endswith(".py") or not needs_black(text):
            continue
        cached = cache / _key(text) if cache is not None else None
        if cached is not None and cached.is_file():
            out[path] = cached.read_text(encoding="utf-8")
        else:
            todo.append((path, text))
    for path, formatted in _run_black(todo):
        out[path] = formatted
        if cache is not None:
            _store(cache / _key(files[path]), formatted)
    return out


def _run_black(todo: list[tuple[str, str]]) -> list[tuple[str, str]]:
    workers = min(os.cpu_count() or 1, len(todo))
    if workers < 2 or len(todo) < _PARALLEL_THRESHOLD:
        return [_black(item) for item in todo]
    # biggest files first, so no worker is left with one large file at the end
    ordered = sorted(todo, key=lambda item: -len(item[1]))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_black, ordered, chunksize=1))


def _store(target: Path, text: str) -> None:
    try:
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        pass
