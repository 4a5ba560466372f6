"""A string example meets its ``format`` wherever ajv-formats (Prism's validator) checks it: ``"string"`` is no
duration, time or IPv6 address (vault: 422 "must match format duration" on its token TTLs)."""

from __future__ import annotations

from pathlib import Path

from generator.config import Target
from generator.load.document import load_spec
from generator.parse import parse_api
from generator.pipeline import parse
from generator.validate.style.example_formats import check_format

SPEC = Path(__file__).resolve().parent / "formats.yaml"


def test_every_checked_string_format_gets_an_example_that_meets_it() -> None:
    doc = load_spec(SPEC)
    api = parse_api(parse(doc), Target(spec=str(SPEC), output="o", package="formats"), source=str(SPEC), raw=doc.data)
    (op,) = api.operations
    formats = {p["name"]: p["schema"]["format"] for p in doc.data["paths"]["/formats"]["get"]["parameters"]}
    examples = {p.wire_name: p.example for p in op.params}
    assert set(examples) == set(formats)
    assert [name for name, value in examples.items() if not check_format(formats[name], value)] == []
