"""Custom lint rules in Spectral's ruleset format: a ruleset file read (``ruleset``), its rules run by one engine
(``engine``: every `given` compiled once, one walk of each document) with Spectral's core functions (``core``).

``sdkforge validate`` imports this package only when a ruleset file is given: its JSONPath library (python-jsonpath)
costs nothing otherwise. ``is_ruleset_file`` tells a ruleset file from a ruleset name without importing anything.
"""

from __future__ import annotations

from pathlib import Path

SUFFIXES = (".yaml", ".yml", ".json")


def is_ruleset_file(entry: str) -> bool:
    """Whether a ``--ruleset`` / ``extends`` entry names a file (a path, or a name ending .yaml/.yml/.json)."""
    return entry.lower().endswith(SUFFIXES) or "/" in entry or "\\" in entry or Path(entry).is_file()
