"""The two sides a CHANGELOG section compares: this run's model as the run planned it, and the previous spec's model
with its surface, recorded in the cache by the run that generated from it (so a spec change costs no extra load,
parse or plan of either spec copy; `changelog.load_side` is the fallback when no record is found)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from generator.cache import get_record, loads_record, put_record

if TYPE_CHECKING:
    from generator.config import Target
    from generator.diff import Side
    from generator.diff.pieces import Pieces
    from generator.pipeline import Generated


def surface_target(target: Target) -> Target:
    """The configuration whose Python surface a CHANGELOG reports (`sdkforge diff`'s language)."""
    return target.model_copy(update={"language": "python"})


def _key(target: Target, spec_text: str) -> str:
    from generator.pipeline import generator_digest

    digest = hashlib.sha256(generator_digest())
    digest.update(surface_target(target).model_dump_json(exclude={"spec", "output"}).encode())
    digest.update(spec_text.encode("utf-8"))
    return digest.hexdigest()


def current(generated: Generated) -> Side | None:
    """This run's side, from its model and (for a Python target) its plan; None on a cache hit."""
    if generated.model is None:
        return None
    from generator.diff import Side
    from generator.targets.python.surface import surface

    planned = generated.plan if generated.target.language == "python" else None
    return Side(generated.model, surface(generated.model, surface_target(generated.target), planned=planned))


def pieces_of(generated: Generated) -> Callable[[], Pieces | None]:
    """This run's model as the pieces a record holds (diff.pieces), made when first asked and once: by the CHANGELOG's
    comparison when a record of the last spec is found, else by ``remember``; None on a cache hit."""
    model, found = generated.model, generated.pieces

    @cache
    def made() -> Pieces | None:
        if model is None or found is not None:
            return found
        from generator.diff.pieces import pieces

        return pieces(model)

    return made


def remember(generated: Generated, spec_text: str, side: Side | None, mine: Callable[[], Pieces | None]) -> None:
    """Record this run's model (as its pieces, ``mine()``) and its surface, if made, for the run after the next spec
    change."""
    if generated.model is None:
        return

    def made() -> tuple[Pieces | None, Any]:
        found = current(generated) if side is None and generated.target.language == "python" else side
        return mine(), _answers(found) if found is not None else None

    # made where the record is written: in the late child when the spec is large (workers.later), as are the surface
    # of a run whose CHANGELOG did not need it and the pickling of the pieces
    put_record("side", _key(generated.target, spec_text), made, size=len(spec_text), lazy=True)


def _answers(side: Side) -> Any:
    """What a record keeps of a Python surface (a TypeScript run that made none imports nothing of it)."""
    from generator.targets.python.surface import PythonSurface, record

    return record(side.surface) if isinstance(side.surface, PythonSurface) else None


def recorded(target: Target, spec_text: str) -> tuple[Any, Any] | None:
    """(model pieces, surface answers or None) of the spec copy ``spec_text`` as recorded by the run that wrote it."""
    found: Any = get_record("side", _key(target, spec_text))
    return found if isinstance(found, tuple) and len(found) == 2 else None


def side_of(target: Target, found: tuple[Any, Any]) -> Side:
    """The side of a record: its answers, or (a record of a TypeScript run) its model planned again."""
    from generator import collector
    from generator.diff import Side
    from generator.diff.pieces import joined
    from generator.targets.python.surface import RecordedSurface, surface

    with collector.paused():  # loading makes many objects at once: the cyclic GC would walk them again and again
        api = joined(found[0], loads_record)
    answers = found[1]
    if answers is None:
        return Side(api, surface(api, surface_target(target)))
    return Side(api, RecordedSurface(api, answers))


def only_wording(found: tuple[Any, Any], model: Any, mine: Pieces) -> bool:
    """Whether the recorded model of ``found`` and this run's (``model``, its pieces ``mine``; None on a cache hit,
    ``mine`` then recorded too) differ only in wording; only the pieces whose bytes differ are loaded."""
    from generator import collector
    from generator.diff.pieces import same_but_wording_pieces

    with collector.paused():
        return same_but_wording_pieces(found[0], model, mine, loads_record)
