"""The stages in order: load -> parse -> build -> render -> format. Writing and checking are left to the caller."""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator import collector, reads, workers
from generator.cache import (
    Reuse,
    black_version,
    get_output,
    get_parts,
    latest_output,
    put_output,
    put_parts,
    set_latest,
)
from generator.diagnostics import Diagnostic
from generator.errors import SpecError
from generator.frozen import frozen
from generator.load import external_refs

if TYPE_CHECKING:  # the rest is imported where it is used: a cached regeneration (`sdkforge check`) needs none of it
    from generator.config import Target
    from generator.load import document as load


@frozen
class Generated:
    target: Target
    out: Path
    files: dict[str, str]
    warnings: tuple[str, ...]
    operations: int = 0  # methods generated (for the summary line)
    # this run's neutral model and the target's plan of it (None on a cache hit): the CHANGELOG's diff reads them
    # instead of loading and planning the spec copy again
    model: Any = field(default=None, repr=False, compare=False)
    plan: Any = field(default=None, repr=False, compare=False)
    pieces: Any = field(default=None, repr=False, compare=False)  # the model as a record's pieces (diff.pieces)


def parse(doc: load.Document) -> Any:
    """Structural parse with openapi-pydantic (3.0 and 3.1; Swagger 2.0 is upgraded before); the first problem becomes a SpecError."""
    version = str(doc.data.get("openapi", ""))
    if not version.startswith(("3.0", "3.1")):
        swagger = "openapi" not in doc.data and "swagger" in doc.data
        raise SpecError(
            f"unsupported 'swagger' version {str(doc.data['swagger'])[:40]!r}" if swagger else
            f"unsupported or missing 'openapi' version {version!r}",
            file=str(doc.path),
            pointer="/swagger" if swagger else "/openapi" if "openapi" in doc.data else "",
            hint="sdkforge reads OpenAPI 3.0 and 3.1 documents, and Swagger 2.0 (`swagger: \"2.0\"`, upgraded to 3.0)",
        )
    # imported here: a cached regeneration never needs openapi-pydantic, jinja or black
    from openapi_pydantic import parse_obj
    from pydantic import ValidationError

    try:
        return parse_obj(doc.data)
    except ValidationError as exc:
        from generator.validate.structure import pydantic_error_pointers

        found = pydantic_error_pointers(doc.data, exc.errors()) or [("", str(exc.errors()[0]["msg"]))]
        pointer, message = found[0]
        raise SpecError(f"invalid OpenAPI document: {message}", file=str(doc.path), pointer=pointer) from None


def check(doc: load.Document, rules: dict[str, str] | None = None, lenient: Sequence[Diagnostic] = (),
          source: Callable[[str], tuple[load.Document, str]] | None = None) -> tuple[str, ...]:
    """The checks generation runs (validate.generation: the lenient reading, GENERATE_RULES and their repairs, at the
    validate rule levels); the first error becomes a SpecError with the message `sdkforge validate` prints. Warnings
    come back as located lines, each once: first those of ``lenient`` (the bundle's lenient readings). ``source``: where
    a pointer of a bundled document was written (its text is read for SF063)."""
    from generator.validate.generation import at_levels, generation_check

    found = at_levels(lenient, rules) + generation_check(doc, rules, source)
    errors = [d for d in found if d.severity == "error"]
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more error(s): run `sdkforge validate`)" if len(errors) > 1 else ""
        raise SpecError(f"{first.rule} {first.message}", file=first.file, pointer=first.pointer, line=first.line,
                        column=first.column, hint=first.hint + more, rule=first.rule)
    return tuple(dict.fromkeys(_line(d) for d in found))


def _line(d: Diagnostic) -> str:
    return f"{d.file}:{d.line}:{d.column}: {d.rule} {d.message} (at {d.pointer or '/'})"


def _without_repeats(checked: tuple[str, ...], warnings: Sequence[str]) -> list[str]:
    """The builder's warnings minus those the check reported already: a requirement the security reader skips for
    naming an undefined scheme is SF040's warning."""
    skipped = {w.rpartition(" (at ")[2][:-1].rpartition("/")[0] for w in checked if ": SF040 " in w}
    if not skipped:
        return list(warnings)
    return [w for w in warnings if not (w.partition(": ")[0] in skipped and ": unknown security scheme " in w)]


def _located(doc: load.Document, warning: str) -> str:
    """A builder warning ``"/pointer: SFnnn message"`` as ``file:line:column: SFnnn message (at /pointer)``."""
    from generator.load.positions import locate

    pointer, sep, message = warning.partition(": ")
    if not sep or not pointer.startswith("/") or " " in pointer or not message.startswith("SF"):
        return warning
    line, column = locate(doc, pointer)
    return f"{doc.path}:{line}:{column}: {message} (at {pointer})"


def _prepared(doc: load.Document, external: bool, rules: dict[str, str] | None) -> tuple[Any, tuple[str, ...]]:
    """A spec split over several files bundled into one document (_output_key's regex test is all others pay), a
    Swagger 2.0 document upgraded to 3.0 (relocating like a bundle: its parts name their 2.0 places); None when
    ``doc`` is used as loaded. With the upgrade's warnings."""
    from generator.load import bundle, swagger2

    bundled = bundle.bundle(doc) if external else None
    if not swagger2.is_swagger2(doc.data):
        return bundled, ()
    from generator.load.swagger2.upgrade import upgrade  # imported for a 2.0 document only

    upgraded = upgrade(doc, bundled)
    return upgraded, _upgrade_warnings(upgraded, rules)


def _upgrade_warnings(upgraded: Any, rules: dict[str, str] | None) -> tuple[str, ...]:
    """What upgrading a Swagger 2.0 document read leniently (SF091-SF095), as located lines at the rule levels; the
    first one set to "error" stops generation."""
    from generator.load.positions import locate
    from generator.validate.levels import check_rule_config, level

    levels = check_rule_config(rules)
    lines = []
    for rule, message, doc, pointer in upgraded.findings():
        severity = level(levels, rule)
        if severity == "off":
            continue
        line, column = locate(doc, pointer)
        if severity == "error":
            raise SpecError(f"{rule} {message}", file=str(doc.path), pointer=pointer, line=line, column=column,
                            rule=rule)
        lines.append(f"{doc.path}:{line}:{column}: {rule} {message} (at {pointer or '/'})")
    return tuple(dict.fromkeys(lines))


def _no_progress(stage: str) -> None:
    pass


def build_target(
    target: Target, root: Path, on_stage: Callable[[str], None] = _no_progress, rules: dict[str, str] | None = None
) -> Generated:
    """Everything up to, not including, writing; ``on_stage`` hears each stage's name as it starts.

    The whole result is cached under a key of everything it depends on (spec bytes, target configuration,
    templates, generator source, black version), so regenerating an unchanged spec skips every stage.
    """
    spec_path = root / target.spec
    templates = root / target.templates if target.templates else None
    on_stage("load")
    key, external = _output_key(spec_path, target, templates)
    if key is not None and rules:  # rule levels change which warnings (and errors) the spec gives
        key = hashlib.sha256((key + repr(sorted(rules.items()))).encode()).hexdigest()
    cached = get_output(key)
    if cached is not None:
        return Generated(target=target, out=root / target.output, files=cached[0], warnings=cached[1], operations=cached[2])
    with collector.paused():
        return _build(target, root, key, external, on_stage, rules)


def _build(target: Target, root: Path, key: str | None, external: bool, on_stage: Callable[[str], None],
           rules: dict[str, str] | None) -> Generated:
    """build_target's work when the output is not cached (``key``: where to cache it; None: it must not be)."""
    spec_path = root / target.spec
    templates = root / target.templates if target.templates else None
    from generator.parse import parse_units
    from generator.targets import target_for

    # read with positions kept (a few numbers per YAML event, ~25 ms on the OpenAI spec): locating the first warning
    # otherwise reads the whole text again (~200 ms), and most real specs have a warning
    doc = reads.read(spec_path, _read_key(root / target.output, target))
    root_doc = doc
    bundled, upgrade_warnings = _prepared(doc, external, rules)
    if bundled is not None:
        doc = bundled.document
        if bundled.files - {p.resolve() for p in external_refs.referenced_files(spec_path, root_doc.text.encode())}:
            key = None  # a file the key's scan did not see: caching could serve a stale SDK
    with _located_errors(doc, bundled, spec_path):
        on_stage("validate")
        lenient = tuple(bundled.lenient) if bundled is not None else ()
        checked = check(doc, rules, lenient, bundled.where if bundled is not None else None)
        spec = parse(doc)
        on_stage("model")
        with _kept():  # the document and its parse live until the model is built: see collector
            language = target_for(target.language)
            units_key = _units_key(root / target.output, target) if bundled is None else None
            last, edited, last_plan = _last_parse(root_doc, units_key)
            neutral, units = parse_units(spec, target, source=str(spec_path), raw=doc.data, last=last, edited=edited)
    spec_copy = "tests/openapi" + (".json" if spec_path.suffix == ".json" else ".yaml")
    # the copy of the spec for Prism, the model's record pieces and the parse's record (of a large spec, ~0.4 s on the
    # OpenAI spec's) are made beside planning and rendering, which need only the model; else now, before the document
    # is freed
    digest = _recorded_digest(doc) if units_key is not None else None
    record = functools.partial(_record_parse, units_key, digest, units) if units_key and digest else None
    with workers.beside(functools.partial(_beside_planning, doc, neutral, bundled is not None, record),
                        worth=len(doc.text) >= workers.LARGE) as made:
        with _located_errors(doc, bundled, spec_path), _kept():
            api = language.plan(neutral, target, source=str(spec_path), last=last_plan)
        if units_key and digest:
            _record_plan(units_key, digest, language.planned(api), len(doc.text))
        warnings = upgrade_warnings + _warnings(doc, bundled, lenient, checked, api.warnings)
        made_here = None if made.forked else made.result()
        del doc, spec, bundled  # the parsed document is no longer needed: free it before rendering (peak memory)
        reuse = _reuse(root / target.output, target, templates) if language.reuses_files else None
        with _kept():  # the model and the plan live through rendering and formatting, and after them
            files = language.emit(api, templates, spec_name=spec_copy.split("/")[1], on_stage=on_stage, reuse=reuse)
        files[spec_copy], pieces = made_here or made.result()  # the generated tests serve the copy
    operations = sum(len(resource.operations) for resource in api.resources)
    put_output(key, files, warnings, operations, keys=reuse.keys if reuse is not None else None,
               whole=reuse.whole if reuse is not None else None)
    if reuse is not None:
        set_latest(_target_key(root / target.output, target), key)
    return Generated(target=target, out=root / target.output, files=files, warnings=warnings, operations=operations,
                     model=neutral, plan=api, pieces=pieces)


@contextmanager
def _kept() -> Iterator[None]:
    """What is alive as the block starts (the document, its parse, the model) is left out of the collections run
    inside it (see collector), unless an enclosing `collector.frozen` keeps it so: the block's own garbage only."""
    collector.freeze()
    try:
        yield
    finally:
        collector.thaw()


@contextmanager
def _located_errors(doc: load.Document, bundled: Any, spec_path: Path) -> Iterator[None]:
    """A SpecError raised in the block located: in the file a bundled part came from, or at its pointer's line."""
    from generator.load.positions import locate

    try:
        yield
    except SpecError as exc:
        if bundled is not None and exc.file == str(spec_path):
            bundled.relocate(exc)  # the file, line and pointer the part of the bundled document came from
        elif exc.pointer and not exc.line:
            with suppress(Exception):  # a position is a nicety; never hide the real error behind it
                exc.line, exc.column = locate(doc, exc.pointer)
        raise


def _warnings(doc: load.Document, bundled: Any, lenient: tuple[Diagnostic, ...], checked: tuple[str, ...],
              planned: Sequence[str]) -> tuple[str, ...]:
    """The check's warnings, then the builder's located; of a bundled document each in the file its part came from."""
    warnings = checked + tuple(_located(doc, w) for w in _without_repeats(checked, planned))
    if bundled is None:
        return warnings
    own = {_line(d) for d in lenient}  # the bundle's lenient readings are located in their own files already
    return tuple(w if w in own else bundled.relocate_warning(w) for w in warnings)


def _beside_planning(doc: load.Document, neutral: Any, bundled: bool, record: Callable[[], None] | None
                     ) -> tuple[str, Any]:
    """The spec copy the generated tests serve with Prism (a bundled document as one, its parts' text otherwise), and
    the model as the pieces a CHANGELOG record holds; first, the ``record`` of the parse written (here, on the CPU
    planning leaves idle, its ~0.2 s of pickling on the OpenAI spec is not waited for by the cache writes at the end)."""
    from generator.diff.pieces import pieces
    from generator.load import bundle
    from generator.targets.mock_spec import mock_spec_text

    if record is not None:
        record()
    text = mock_spec_text(doc, neutral)
    return bundle.dump(doc.data) if bundled and text == doc.text else text, pieces(neutral)


def _reuse(out: Path, target: Target, templates: Path | None) -> Reuse | None:
    """The last output of this target with its files' input keys: what a target need not render again. None (render
    everything) with a user's templates folder, which may read anything."""
    if templates is not None:
        return None
    base = hashlib.sha256(generator_digest() + black_version().encode()).hexdigest()
    _key, previous, whole = latest_output(_target_key(out, target))
    return Reuse(base, previous, whole)


def _recorded_digest(doc: load.Document) -> str | None:
    """The digest of a large YAML spec's text, whose parse and plan are recorded for the next regeneration (the next
    reread's record is compared with it); None for a small or JSON spec (JSON is never read again in part)."""
    if len(doc.text) < workers.LARGE or doc.path.suffix.lower() == ".json":
        return None
    return hashlib.sha256(doc.text.encode()).hexdigest()


def _record_parse(key: str, digest: str, units: Any) -> None:
    """The record of this parse, written now, each unit on its own: those taken from the last record are written as
    they were read (cache.put_parts)."""
    record = units.record(digest)
    put_parts("parse", key, (record.spec, record.default_security), lambda: list(record.units), size=0)


def _record_plan(key: str, digest: str, planned: tuple[Any, list[Any]] | None, size: int) -> None:
    """What the target's language keeps of its plan for the next regeneration, in parts, written later (``size``:
    the spec's)."""
    if planned is not None:
        head, parts = planned
        put_parts("plan", key, (digest, head), lambda: parts, size=size)


def _last_parse(doc: load.Document, key: str | None) -> tuple[Any, tuple[str, ...], Any]:
    """The record of the last parse of this target (parse.units), when it parsed the text ``doc`` was read again
    from, with the places edited since, and what that parse's model and its language's plan leave the next plan
    (its schemas and operations, and the plan's head and parts); (None, (), None) otherwise."""
    if key is None or doc.since is None:
        return None, (), None
    from generator.parse.units import Record, Unit

    found = get_parts("parse", key)
    if found is None or not isinstance(found[0], tuple) or found[0][:1] != (doc.since.text,):
        return None, (), None
    (spec, default_security), units = found
    if not all(isinstance(unit, Unit) for unit in units):
        return None, (), None
    last = Record(spec, default_security, tuple(units))
    plan = get_parts("plan", key)
    if plan is None or not isinstance(plan[0], tuple) or plan[0][:1] != (spec,):
        return last, doc.since.edited, None
    return last, doc.since.edited, (last.schemas(), last.operations(), plan[0][1], plan[1])


def _units_key(out: Path, target: Target) -> str:
    """Where a target's last parse and plan are recorded: the target and its configuration but for the spec's
    path (the record says which text it parsed), as this generator parses specs."""
    config = target.model_dump_json(exclude={"spec"}).encode()
    return hashlib.sha256(generator_digest() + config + _target_key(out, target).encode()).hexdigest()


def _read_key(out: Path, target: Target) -> str:
    """Where the last read of a target's spec is recorded (reads.py): the target, as this generator reads specs."""
    return hashlib.sha256(generator_digest() + _target_key(out, target).encode()).hexdigest()


def _target_key(out: Path, target: Target) -> str:
    """An output folder and language: where the last output to compare keys with comes from (the keys decide)."""
    return hashlib.sha256(f"{out.resolve()}\0{target.language}".encode()).hexdigest()


def build_plan(spec: Any, target: Target, *, source: str, raw: Any) -> Any:
    """The target language's plan of an SDK from a parsed spec (parse, then plan)."""
    from generator.parse import parse_api
    from generator.targets import target_for

    return target_for(target.language).plan(parse_api(spec, target, source=source, raw=raw), target, source=source)


def _output_key(spec_path: Path, target: Target, templates: Path | None) -> tuple[str | None, bool]:
    """The cache key, and whether the spec may have `$ref`s to other files (they are inputs too)."""
    try:
        spec_bytes = spec_path.read_bytes()
    except OSError:
        return None, False  # load_spec reports it properly
    digest = hashlib.sha256(spec_bytes)
    external = external_refs.has_external_refs(spec_bytes)
    if external:
        for path in external_refs.referenced_files(spec_path, spec_bytes):
            digest.update(str(path).encode())
            try:
                digest.update(path.read_bytes())
            except OSError:
                digest.update(b"\0missing")
    digest.update(target.model_dump_json().encode())
    digest.update(black_version().encode())
    for folder in (Path(__file__).parent, templates):
        if folder is not None and folder.is_dir():
            digest.update(_source_digest(str(folder), _stamps(str(folder))))
    return digest.hexdigest(), external


def _stamps(folder: str) -> tuple[tuple[str, int], ...]:
    """(path in ``folder``, modification time) of each file of the generator's source or a templates folder that
    shapes its output, in order (plain strings: this runs three or four times a generation, a cached one too)."""
    found = []
    for parent, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if name != "__pycache__"]
        for name in names:
            if name.endswith((".py", ".jinja", ".ts", ".json")):
                path = os.path.join(parent, name)
                found.append((os.path.relpath(path, folder), os.stat(path).st_mtime_ns))
    return tuple(sorted(found))


def generator_digest() -> bytes:
    """The digest of the generator's own source (what a cached model or surface also depends on)."""
    folder = os.path.dirname(os.path.abspath(__file__))
    return _source_digest(folder, _stamps(folder))


@lru_cache(maxsize=8)
def _source_digest(folder: str, stamps: tuple[tuple[str, int], ...]) -> bytes:
    """The digest of those files' names and bytes: read again only when a file's modification time changes (once
    per process for the three targets of one `sdkforge check`, and again in `--watch` after an edit)."""
    digest = hashlib.sha256()
    for path, _mtime in stamps:
        digest.update(path.encode())
        with open(os.path.join(folder, path), "rb") as fh:
            digest.update(fh.read())
    return digest.digest()
