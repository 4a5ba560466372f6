"""The last read of each target's large spec, kept in the cache: reading the spec again after an edit reads only the
edited block (load.edits; 0.18 s, the record loaded, instead of 0.40-0.54 s on the OpenAI spec). Kept per target (its
output folder and language), not per file: a regeneration compares with the spec that target was last generated from.

A read is recorded by a child forked before this process reads the file, which reads it whole beside this one (the
second CPU is idle then): packing and pickling a read costs ~0.12 s, which this process never pays. A run in one
process (one CPU, a busy machine, SDKFORGE_JOBS=1) records nothing, and its next run reads the file whole.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from generator import workers
from generator.cache import get_record, put_record

if TYPE_CHECKING:  # imported when a spec is read: a cached regeneration reads none
    from generator.load.document import Document


def read(path: Path, key: str) -> Document:
    """What ``load_spec(path)`` gives: from the last read recorded under ``key`` (a target's spec as this generator
    reads it) and the edit since, where it can be, else whole."""
    from generator.load import edits

    try:
        large = path.stat().st_size >= workers.LARGE
    except OSError:
        large = False  # load_spec says what is wrong
    if not large or path.suffix.lower() == ".json":  # JSON is read at C speed, and never reread
        return edits.load(path, None)
    last = get_record("read", key)
    workers.now(lambda: put_record("read", key, edits.packed(edits.load(path, None))), f"read-{key}.pickle",
                worth=True)
    return edits.load(path, last)
