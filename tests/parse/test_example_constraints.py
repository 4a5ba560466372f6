"""Examples that meet every constraint the spec states, not just the first one found: an ``allOf`` of scalar parts
applies all of them (lob's ``published_version``: a string part and an id part with a pattern; Prism answered 422
"must match pattern"), and ``required`` beside an ``anyOf`` of objects holds for the variant the example takes
(lob's resource proofs: the example was ``{}``; Prism answered 422 "must have required property")."""

from __future__ import annotations

import re
from pathlib import Path

from generator.config import Target
from generator.load.document import load_spec
from generator.parse import parse_api
from generator.pipeline import parse

SPEC = Path(__file__).resolve().parent / "example_constraints.yaml"


def _examples() -> dict[str, dict[str, object]]:
    doc = load_spec(SPEC)
    api = parse_api(parse(doc), Target(spec=str(SPEC), output="o", package="exc"), source=str(SPEC), raw=doc.data)
    return {op.operation_id: {p.wire_name: p.example for p in op.body.params} for op in api.operations if op.body}


def test_an_allof_of_scalar_parts_meets_every_part() -> None:
    version = _examples()["update"]["version"]
    assert isinstance(version, str) and re.fullmatch(r"vrsn_[a-z0-9]+", version), version


def test_the_unions_required_names_are_in_its_example() -> None:
    body = _examples()["proof"]["body"]
    assert body == {"kind": "card", "params": {"to": "adr_a"}}
