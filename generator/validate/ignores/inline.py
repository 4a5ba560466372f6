"""Inline ignores: ``x-sdkforge-ignore: [SF011, no-success-response]`` on an object silences those rules for the
findings at that object and everywhere below it (in the file the finding is in)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator import pointer as json_pointer
from generator.diagnostics import Diagnostic
from generator.validate.ignores import rule_keys

KEY = "x-sdkforge-ignore"


class InlineIgnores:
    """Reads each file a finding is in at most once, and only when its text mentions the key at all."""

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}

    def ignores(self, d: Diagnostic) -> bool:
        data = self._data(d.file)
        if data is None:
            return False
        names = set(rule_keys(d.rule))
        obj = data
        tokens = json_pointer.split(d.pointer) if d.pointer else []
        for i in range(len(tokens) + 1):
            if isinstance(obj, dict) and not names.isdisjoint(_listed(obj.get(KEY))):
                return True
            if i == len(tokens):
                break
            obj = json_pointer.plain_child(obj, tokens[i])
            if obj is json_pointer.MISSING:
                break
        return False

    def _data(self, file: str) -> Any:
        if file not in self.data:
            self.data[file] = _load(file)
        return self.data[file]


def _load(file: str) -> Any:
    from generator.errors import SpecError
    from generator.load.document import load_spec

    path = Path(file)
    try:
        if not _mentions_key(path):
            return None
        return load_spec(path, track=False).data
    except (OSError, SpecError, RecursionError):
        return None


def _mentions_key(path: Path, chunk: int = 1 << 20) -> bool:
    """Whether the file's bytes hold the key, read a piece at a time (a 3 MB spec is not held twice)."""
    key = KEY.encode()
    tail = b""
    with path.open("rb") as stream:
        while piece := stream.read(chunk):
            window = tail + piece
            if key in window:
                return True
            tail = window[-(len(key) - 1) :]
    return False


def _listed(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value]
    return []
