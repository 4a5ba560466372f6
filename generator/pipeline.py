"""The stages in order: load -> parse -> build -> render -> format. Writing and checking are left to the caller."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from openapi_pydantic import parse_obj
from pydantic import ValidationError

from . import load
from .build import build_api
from .config import Target
from .errors import SpecError
from .format import format_files
from .model import Api
from .render import render


@dataclass(frozen=True)
class Generated:
    target: Target
    out: Path
    api: Api
    files: dict[str, str]


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
    """Everything up to, not including, writing; ``on_stage`` hears each stage's name as it starts."""
    spec_path = root / target.spec
    on_stage("load")
    doc = load.load_spec(spec_path)
    try:
        on_stage("validate")
        spec = parse(doc)
        on_stage("model")
        api = build_api(spec, target, source=str(spec_path), raw=doc.data)
    except SpecError as exc:
        if exc.pointer and not exc.line:
            try:
                exc.line, exc.column = load.locate(doc, exc.pointer)
            except Exception:  # noqa: BLE001 - a position is a nicety; never hide the real error behind it
                pass
        raise
    templates = root / target.templates if target.templates else None
    spec_copy = "tests/openapi" + (".json" if spec_path.suffix == ".json" else ".yaml")
    on_stage("render")
    rendered = render(api, templates, spec_name=spec_copy.split("/")[1])
    on_stage("format")
    files = format_files(rendered)
    files[spec_copy] = doc.text  # the generated tests serve this copy with Prism
    return Generated(target=target, out=root / target.output, api=api, files=files)
