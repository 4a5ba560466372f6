"""A generated SDK's CHANGELOG.md: what is there, plus a section of `sdkforge diff` when the spec changed.

The previous spec is the copy the last generation left for the SDK's tests (``tests/openapi.yaml`` or ``.json``,
recorded in the manifest). CHANGELOG.md itself is the user's as much as ours: it is never recorded in the manifest
(so an edit never stops generation and it is never deleted), and generation only ever adds a section above the
newest one. An unchanged spec, or a change that leaves the SDK surface as it was, adds nothing.
"""

from __future__ import annotations

import dataclasses
import json
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator import sides
from generator.write.files import CHANGELOG, digest, read_manifest

if TYPE_CHECKING:  # the model and diff are imported when a spec changed, not on every (cached) run
    from generator.config import Target
    from generator.diff import Change, Side
    from generator.diff.pieces import Pieces
    from generator.pipeline import Generated

SPEC_COPIES = ("tests/openapi.yaml", "tests/openapi.json")


def load_side(spec_path: str | Path, target: Target | None = None) -> Side:
    """One spec as a diff sees it: load, structural parse, the neutral model, and the target's surface of it."""
    from generator.config import Target
    from generator.diff import Side
    from generator.load import document as load
    from generator.load.swagger2.upgrade import as_openapi3
    from generator.parse import parse_api
    from generator.pipeline import parse
    from generator.targets import target_for

    path = Path(spec_path)
    if target is None:
        target = Target(spec=str(path), output="unused", package="sdk")
    else:
        target = target.model_copy(update={"spec": str(path)})
    doc = as_openapi3(load.load_spec(path))
    api = parse_api(parse(doc), target, source=str(path), raw=doc.data)
    return Side(api, target_for(target.language).surface(api, target, source=str(path)))  # type: ignore[attr-defined]


def with_changelog(generated: Generated) -> Generated:
    """``generated`` with its CHANGELOG.md; a run that built the model records it for the next spec change."""
    new_name = next(name for name in SPEC_COPIES if name in generated.files)
    found: list[Side] = []  # this run's side, once the CHANGELOG needed it
    mine = sides.pieces_of(generated)  # this run's model as a record's pieces (when first asked): compared, recorded
    text = changelog(generated.target, generated.out, generated.files, lambda: _current(generated, found),
                     generated.model, mine)
    sides.remember(generated, generated.files[new_name], found[0] if found else None, mine)
    return dataclasses.replace(generated, files={**generated.files, CHANGELOG: text})


def _current(generated: Generated, found: list[Side]) -> Side | None:
    side = sides.current(generated)
    if side is not None:
        found.append(side)
    return side


def changelog(
    target: Target, out: Path, files: dict[str, str], current: Callable[[], Side | None] = lambda: None,
    model: Any = None, mine: Callable[[], Pieces | None] = lambda: None,
) -> str:
    """The CHANGELOG.md text for ``files``; ``current()`` gives the new spec's side if this run has it (``model``:
    its neutral model, with no plan made; ``mine()``: that model's pieces, see diff.pieces)."""
    new_name = next(name for name in SPEC_COPIES if name in files)
    existing = _read(out / CHANGELOG)
    if existing is None:
        from generator.diff import changelog as text  # generator.diff loads only when the CHANGELOG changes

        return text.first(sdk_version(files))
    recorded = read_manifest(out)
    if recorded.get(new_name) == digest(files[new_name]):
        return existing  # the spec the last run saw (the usual regeneration: the copy is not even read)
    old = _previous_spec(out, recorded)
    if old is None:
        return existing
    try:
        changes = _diff(target, old, (new_name, files[new_name]), current, model, mine)
    except Exception:  # noqa: BLE001 - a previous spec this version cannot read: no section, never a failed run
        return existing
    if not changes:
        return existing
    from generator.diff import changelog as text

    return text.prepend(existing, text.section(sdk_version(files), changes))


def _diff(
    target: Target, old: tuple[str, str], new: tuple[str, str], current: Callable[[], Side | None], model: Any = None,
    mine: Callable[[], Pieces | None] = lambda: None,
) -> list[Change]:
    """The surface changes between two spec copies ((name, text) each). The old side recorded by the run that
    wrote its copy and this run's side are models of the specs as read; without both, both sides are loaded,
    parsed and planned from the copies (never one of each: a copy drops response headers the model never reads,
    but is JSON where the spec may be YAML)."""
    from generator.diff import diff_apis

    found = sides.recorded(target, old[1])
    # on a cache hit (no model), this spec's side as the run that generated from it recorded it
    again = sides.recorded(target, new[1]) if found is not None and model is None else None
    pieces = mine() if found is not None and model is not None else again[0] if again is not None else None
    if found is not None and pieces is not None and sides.only_wording(found, model, pieces):
        return []  # descriptions and summaries only: no surface changes, and neither side is planned
    recorded = sides.side_of(target, found) if found is not None else None
    side = None
    if recorded is not None:
        side = current() if model is not None else sides.side_of(target, again) if again is not None else None
    if recorded is not None and side is not None:
        return diff_apis(recorded, side)
    surface_target = sides.surface_target(target)
    with tempfile.TemporaryDirectory(prefix="sdkforge-changelog-") as tmp:
        loaded = []
        for label, (name, spec_text) in (("old", old), ("new", new)):
            path = Path(tmp) / f"{label}-{Path(name).name}"
            path.write_text(spec_text, encoding="utf-8")
            loaded.append(load_side(path, surface_target))
    return diff_apis(loaded[0], loaded[1])


def _previous_spec(out: Path, recorded: dict[str, str]) -> tuple[str, str] | None:
    """(name, text) of the spec copy the last generation wrote, unless it has been edited since."""
    for name in SPEC_COPIES:
        try:
            data = (out / name).read_bytes()
        except OSError:
            continue
        if recorded.get(name) == digest(data):
            return name, data.decode("utf-8")
    return None


def _read(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8")  # as it is: the user's line endings stay theirs
    except (OSError, UnicodeDecodeError):
        return None


def sdk_version(files: dict[str, str]) -> str:
    """The version the SDK's package metadata carries (a target turns a spec's info.version its ecosystem cannot
    read into 0.0.0)."""
    if "package.json" in files:
        return str(json.loads(files["package.json"]).get("version", "0.0.0"))
    found = re.search(r'^version = "([^"]+)"', files.get("pyproject.toml", ""), re.MULTILINE)
    return found.group(1) if found else "0.0.0"
