"""Schemas no value can meet, as the SDK types them: an ``allOf`` of a string and an integer admits nothing, so Prism
answers 422 to any request; the SDK types it as one part (with a warning), and the copy says that part."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from generator import pointer
from generator.targets.mock_spec.edits import Edits, key_path


def as_typed(data: Any, typed_as_part: Iterable[tuple[str, str]]) -> Edits:
    edits: Edits = {}
    for where, part in typed_as_part:
        path, found = key_path(data, where), pointer.walk(data, part)
        if path is not None and found is not pointer.MISSING:
            edits[path] = lambda _node, found=found: found
    return edits
