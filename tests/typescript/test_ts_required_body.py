"""A required JSON body whose fields are all optional is sent as ``{}`` when the caller gives none of them (the
params object also holds query parameters, so split() found no body field); leaving it out made Prism answer 422,
as a server that requires a body would."""

from __future__ import annotations

from pathlib import Path

from generator.config import Target
from generator.pipeline import build_target

ROOT = Path(__file__).resolve().parents[2]
SPEC = Path(__file__).resolve().parent / "required_body.yaml"


def test_required_body_of_optional_fields_is_sent_empty(tmp_path: Path) -> None:
    target = Target(spec=str(SPEC), output=str(tmp_path / "ts"), package="b", language="typescript")
    source = build_target(target, ROOT).files["src/resources/pools.ts"]
    assert "const { query, body } = split(params, PATCH_LOCATIONS);" in source
    assert "{ query, body: body ?? {} }" in source
