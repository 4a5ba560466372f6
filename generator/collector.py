"""When the cyclic garbage collector runs during a command: never while a target is built, and never over what the
build made.

Loading, checking and parsing a spec, then building its model and plan, make millions of objects that live until the
files are written, and little cyclic garbage (reference counting frees the rest). Each full collection walks every
one of them again: on the OpenAI spec the collector took about half a second of a cold generation, most of it in
five full collections while the document was checked and parsed. So the collector is paused while a target is built
(``paused``), and what the build keeps is frozen (``freeze``: never walked) until the command ends (``frozen``).
With the collector paused, a cycle holding the document keeps it alive until exit: the parser breaks its own (the
bound method it hands its helpers) when the model is built, so the document is freed before rendering as before.
At exit every object is frozen too: the interpreter's last full collection would walk the model, the plan and the
files once more only to free them, which the end of the process does anyway (about 0.3 s on the OpenAI spec).
"""

from __future__ import annotations

import atexit
import gc
from collections.abc import Iterator
from contextlib import contextmanager

_held = [0]  # how many `frozen` blocks are open
atexit.register(gc.freeze)  # runs before the interpreter's last collection, which then walks nothing


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside the block; the collector's setting before it is restored after it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def collect_young() -> None:
    """Collect what was made since the last collection (paused or not): for work that leaves cycles behind while the
    collector is paused, such as black's syntax trees (parent links), which would otherwise pile up until exit."""
    gc.collect(0)


def freeze() -> None:
    """Every object alive now is left out of collections (reference counting still frees it)."""
    gc.freeze()


def thaw() -> None:
    """Frozen objects are collectable again, unless a `frozen` block holds them."""
    if not _held[0]:
        gc.unfreeze()


@contextmanager
def frozen() -> Iterator[None]:
    """Keep what a build freezes frozen until the block ends (a whole command: build, CHANGELOG, write).
    Unfreezing hands every object of the model and plan back to the oldest generation, and the collector soon
    walks them all in a full collection; a short-lived command has no cyclic garbage among them worth that."""
    _held[0] += 1
    try:
        yield
    finally:
        _held[0] -= 1
        if not _held[0]:
            gc.unfreeze()
