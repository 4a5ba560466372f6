"""The stages in order: load -> parse -> build -> render -> format. Writing and checking are left to the caller."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
        error = exc.errors()[0]
        pointer = "".join(f"/{part}" for part in error["loc"] if not _is_pydantic_tag(part))
        raise SpecError(f"invalid OpenAPI document: {error['msg']}", file=str(doc.path), pointer=pointer) from None


def _is_pydantic_tag(part: object) -> bool:
    # openapi-pydantic unions add the tried class name to error locations ("Reference", "Schema", ...)
    return isinstance(part, str) and part[:1].isupper() and part.isalnum() and part not in ("", "JSON")


def build_target(target: Target, root: Path) -> Generated:
    spec_path = root / target.spec
    doc = load.load_spec(spec_path)
    try:
        api = build_api(parse(doc), target, source=str(spec_path), raw=doc.data)
    except SpecError as exc:
        locate = getattr(load, "locate", None)
        if exc.pointer and not exc.line and locate is not None:
            try:
                exc.line, exc.column = locate(doc, exc.pointer)
            except Exception:  # noqa: BLE001 - a position is a nicety; never hide the real error behind it
                pass
        raise
    templates = root / target.templates if target.templates else None
    spec_copy = "tests/openapi" + (".json" if spec_path.suffix == ".json" else ".yaml")
    files = format_files(render(api, templates, spec_name=spec_copy.split("/")[1]))
    files[spec_copy] = doc.text  # the generated tests serve this copy with Prism
    return Generated(target=target, out=root / target.output, api=api, files=files)
