"""The stages in order: load -> parse -> build -> render -> format. Writing and checking are left to the caller."""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import load, output_cache
from .cache import black_version
from .config import Target
from .errors import SpecError
from .locations import TEMPLATES
from .mock_spec import mock_spec_text


@dataclass(frozen=True)
class Generated:
    target: Target
    out: Path
    files: dict[str, str]
    warnings: tuple[str, ...]


def parse(doc: load.Document) -> Any:
    """Structural parse with openapi-pydantic (3.0 and 3.1); the first problem becomes a SpecError."""
    version = str(doc.data.get("openapi", ""))
    if not version.startswith(("3.0", "3.1")):
        raise SpecError(
            f"unsupported or missing 'openapi' version {version!r}",
            file=str(doc.path),
            pointer="/openapi",
            hint="sdkforge reads OpenAPI 3.0 and 3.1 documents",
        )
    # imported here: a cached regeneration never needs openapi-pydantic, jinja or black
    from openapi_pydantic import parse_obj
    from pydantic import ValidationError

    try:
        return parse_obj(doc.data)
    except ValidationError as exc:
        from .validate import pydantic_error_pointers

        found = pydantic_error_pointers(doc.data, exc.errors()) or [("", str(exc.errors()[0]["msg"]))]
        pointer, message = found[0]
        raise SpecError(f"invalid OpenAPI document: {message}", file=str(doc.path), pointer=pointer) from None


def _no_progress(stage: str) -> None:
    pass


def build_target(target: Target, root: Path, on_stage: Callable[[str], None] = _no_progress) -> Generated:
    """Everything up to, not including, writing; ``on_stage`` hears each stage's name as it starts.

    The whole result is cached under a key of everything it depends on (spec bytes, target configuration,
    templates, generator source, black version), so regenerating an unchanged spec skips every stage.
    """
    spec_path = root / target.spec
    templates = root / target.templates if target.templates else None
    on_stage("load")
    key = _output_key(spec_path, target, templates)
    cached = output_cache.get(key)
    if cached is not None:
        return Generated(target=target, out=root / target.output, files=cached[0], warnings=cached[1])
    from .build import build_api
    from .format import format_files
    from .render import render

    doc = load.load_spec(spec_path, track=False)
    try:
        on_stage("validate")
        spec = parse(doc)
        # the document and its parse live until the model is built: keep the cyclic GC from walking them again and
        # again (about 10% of a cold run on the full spec; reference counting still frees them)
        gc.freeze()
        on_stage("model")
        try:
            api = build_api(spec, target, source=str(spec_path), raw=doc.data)
        finally:
            gc.unfreeze()
    except SpecError as exc:
        if exc.pointer and not exc.line:
            try:
                exc.line, exc.column = load.locate(doc, exc.pointer)
            except Exception:  # noqa: BLE001 - a position is a nicety; never hide the real error behind it
                pass
        raise
    spec_text = mock_spec_text(doc)
    del doc, spec  # the parsed document is no longer needed: free it before rendering (peak memory)
    spec_copy = "tests/openapi" + (".json" if spec_path.suffix == ".json" else ".yaml")
    on_stage("render")
    rendered = render(api, templates, spec_name=spec_copy.split("/")[1])
    on_stage("format")
    files = format_files(rendered)
    files[spec_copy] = spec_text  # the generated tests serve this copy with Prism
    output_cache.put(key, files, api.warnings)
    return Generated(target=target, out=root / target.output, files=files, warnings=api.warnings)


def _output_key(spec_path: Path, target: Target, templates: Path | None) -> str | None:
    try:
        spec_bytes = spec_path.read_bytes()
    except OSError:
        return None  # load_spec reports it properly
    digest = hashlib.sha256(spec_bytes)
    digest.update(target.model_dump_json().encode())
    digest.update(black_version().encode())
    for folder in (Path(__file__).parent, TEMPLATES, templates):
        if folder is None or not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".jinja") and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(folder)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()
