"""A parameter's examples: ``example``, else the first of ``examples`` (inline or a shared Example object)."""

from __future__ import annotations

from pathlib import Path

from generator.config import Target
from generator.load.document import load_spec
from generator.parse import parse_api
from generator.pipeline import parse

SPEC = Path(__file__).resolve().parent / "param_examples.yaml"


def test_the_first_of_a_parameters_examples_is_sent() -> None:
    doc = load_spec(SPEC)
    api = parse_api(parse(doc), Target(spec=str(SPEC), output="o", package="px"), source=str(SPEC), raw=doc.data)
    (op,) = api.operations
    assert {p.wire_name: p.example for p in op.params} == {
        "id": "dade.murphy", "Content-Type": "application/json; okta-response=omitCredentials", "expand": "blocks"}
