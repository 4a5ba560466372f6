"""What the mutation fuzz (test_mutation_fuzz.py) found, one fixture spec each (tests/hostile/fuzz_findings): every one
was an internal error; now each generates both SDKs (the generated Python compiles), or stops with the located
SpecError named here."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import Target
from generator.errors import SpecError
from generator.pipeline import build_target
from generator.validate.checks import validate_paths

FINDINGS = Path(__file__).resolve().parent / "fuzz_findings"
# fixture -> the SpecError's pointer when generation must refuse it ("" : it generates)
REFUSED: dict[str, str] = {
    "response_ref_to_schema": "/paths/~1users/get/responses/200",  # the object whose $ref it is
    "type_list_of_objects": "/paths/~1videos/get/responses/200/content/application~1json/schema/properties/seconds/type/0",
    "format_not_a_string": "/paths/~1users/get/responses/200/content/application~1json/schema/properties/status/format",
}


@pytest.mark.parametrize("spec", sorted(FINDINGS.glob("*.yaml")), ids=lambda p: p.stem)
@pytest.mark.parametrize("language", ["python", "typescript"])
def test_fuzz_finding_generates_or_is_refused_with_a_location(spec: Path, language: str, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDKFORGE_CACHE_DIR", str(tmp_path / "cache"))
    assert all(d.rule and d.file for d in validate_paths([spec]))
    target = Target(spec=str(spec), output=str(tmp_path / "out"), package="finding", language=language)
    refused = REFUSED.get(spec.stem, "")
    try:
        generated = build_target(target, spec.parent)
    except SpecError as exc:
        assert refused and (exc.file, exc.pointer) == (str(spec), refused), exc
        return
    assert not refused, f"expected a SpecError at {refused}"
    for name, text in generated.files.items():
        if name.endswith(".py"):
            compile(text, name, "exec")
