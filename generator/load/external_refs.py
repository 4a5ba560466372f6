"""Which files a spec reaches through external ``$ref``s, found by scanning text (no parsing)."""

from __future__ import annotations

import os
import re
from collections import deque
from pathlib import Path
from urllib.parse import unquote

# `$ref` followed by a value that does not start with `#` (YAML plain or quoted, JSON); a false positive (a `$ref` in
# an example value) only costs one walk of the document that finds nothing to bundle.
_EXTERNAL_RE = re.compile(r"""\$ref["']?[ \t]*:[ \t\r\n]*(?:["'](?!#)|[^\s"'#])""")
_EXTERNAL_RE_BYTES = re.compile(_EXTERNAL_RE.pattern.encode())
# the file part of a `$ref` value, for the dependency scan of the output cache key
_REF_VALUE_RE = re.compile(
    rb"""\$ref["']?[ \t]*:[ \t\r\n]*(?:"([^"\r\n]*)"|'([^'\r\n]*)'|([^\s"'#,}\]][^\s,}\]]*))"""
)

#: files parsed as YAML/JSON documents; a `$ref` to any other file stands for its text
DOCUMENT_SUFFIXES = frozenset((".yaml", ".yml", ".json", ""))


def has_external_refs(text: str | bytes) -> bool:
    """Whether the text may hold a `$ref` that is not local (``#/...``): the cheap test before any bundling."""
    if isinstance(text, bytes):
        return _EXTERNAL_RE_BYTES.search(text) is not None
    return _EXTERNAL_RE.search(text) is not None


def referenced_files(path: Path, raw: bytes, limit: int = 10_000) -> list[Path]:
    """Every file the spec may reach through external `$ref`s, found by scanning the texts (no parsing), sorted.

    For the output cache key: a change in any of them must change the key. Over-approximates (a `$ref` in an example
    counts too); a missing file is listed as well (its appearing later changes the key).
    """
    found: set[Path] = set()
    queue: deque[tuple[Path, bytes]] = deque([(path, raw)])
    while queue and len(found) < limit:
        current, text = queue.popleft()
        for match in _REF_VALUE_RE.finditer(text):
            value = (match.group(1) or match.group(2) or match.group(3) or b"").decode("utf-8", "replace")
            file_part = value.partition("#")[0]
            if not file_part or "://" in file_part or file_part.startswith("//"):
                continue
            target = Path(os.path.normpath(current.parent / unquote(file_part)))
            if target in found or target == path:
                continue
            found.add(target)
            if target.suffix.lower() in DOCUMENT_SUFFIXES:
                try:
                    queue.append((target, target.read_bytes()))
                except OSError:
                    pass
    return sorted(found)
