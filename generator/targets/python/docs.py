"""Spec text -> text that is safe inside a generated docstring or comment.

Spec descriptions are untrusted: they may hold quotes, backslashes, NUL bytes or anything else. The result can be
put between triple double quotes and never ends the string early.
"""

from __future__ import annotations

import re
from functools import lru_cache

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_MAX_DOC = 4000


def docstring(text: str) -> str:
    if not text:
        return ""
    return _docstring(text) if isinstance(text, str) else _docstring.__wrapped__(text)


@lru_cache(maxsize=65536)  # a shared property's description recurs in every schema that holds it
def _docstring(text: str) -> str:
    text = _CONTROL.sub("", str(text or "")).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.strip().splitlines())
    text = text[:_MAX_DOC]
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if text.endswith('"'):
        text += " "
    return text


def one_line(text: str) -> str:
    """A single line, for comments, titles and summaries."""
    return docstring(" ".join(str(text or "").split()))[:200]
