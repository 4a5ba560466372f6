"""Example values (the generated tests' argument values) obey the schema's bounds, ``multipleOf`` and ``format``: Prism
answers 400 or 422 to a request whose value breaks them."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import Target
from generator.load.document import load_spec
from generator.parse import parse_api
from generator.pipeline import parse

SPECS = Path(__file__).resolve().parent


def _examples(name: str, operation: str = "counts") -> dict[str, object]:
    spec = SPECS / name
    doc = load_spec(spec)
    api = parse_api(parse(doc), Target(spec=str(spec), output="o", package="bounds"), source=str(spec), raw=doc.data)
    (op,) = [op for op in api.operations if op.operation_id == operation]
    return {p.wire_name: p.example for p in op.params}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("bounds.yaml", {"even": 2, "step": 1.25, "above": 6, "below": -1, "window": 3}),
        ("bounds30.yaml", {"above": 6, "below": -1, "odd_step": 14}),
    ],
)
def test_example_numbers_obey_bounds_and_multiple_of(name: str, expected: dict[str, object]) -> None:
    assert _examples(name) == expected


def test_an_example_that_breaks_its_format_is_replaced() -> None:
    """The spec's uuid example has 31 hex digits (Prism answered 400); a valid date-time example is kept."""
    assert _examples("bounds.yaml", "trip") == {"id": "123e4567-e89b-12d3-a456-426614174000", "at": "2024-02-01T10:00:00Z"}


def test_an_example_meets_the_required_sets_of_an_allof_part() -> None:
    """An allOf part's ``anyOf: [{required: [name]}, {required: [company]}]``: the example names the first set's
    property (Prism answered 422 "must have required property 'name'" on the lob spec); a required name of an allOf
    part's own allOf part is there too (readme-discriminators: "must have required property 'buyer_id'")."""
    spec = SPECS / "required_sets.yaml"
    doc = load_spec(spec)
    api = parse_api(parse(doc), Target(spec=str(spec), output="o", package="sets"), source=str(spec), raw=doc.data)
    create, contact, event, app = (next(op for op in api.operations if op.operation_id == name)
                                   for name in ("create", "contact", "event", "app"))
    assert create.body is not None and contact.body is not None
    assert create.body.example_required == ("name",)  # line1 is required anyway
    assert contact.body.params[0].example == {"line1": "string", "name": "string"}  # a whole body: a oneOf
    assert event.body is not None and event.body.params[0].example == {"buyer": "string"}  # allOf in allOf
    assert app.body is not None and app.body.params[0].example == {"repo": "string"}  # minProperties: 1 (unkey)
    verify = next(op for op in api.operations if op.operation_id == "verify")
    assert verify.body is not None  # an allOf part of only required sets (lob's us_verifications)
    assert verify.body.params[0].example == {"line": "string", "city": "string", "state": "string"}


def test_a_spec_example_that_does_not_fit_its_schema_is_replaced() -> None:
    """A map of strings or integers whose example holds a boolean and a float, a uuid no longer than 24 characters
    (intercom: Prism answered 422 to both), a string whose example is a number: each gets a value that fits; a
``format: byte`` string is base64 (etcd: "must match format byte")."""
    spec = SPECS / "example_fit.yaml"
    doc = load_spec(spec)
    api = parse_api(parse(doc), Target(spec=str(spec), output="o", package="fit"), source=str(spec), raw=doc.data)
    (op,) = api.operations
    assert op.body is not None
    examples = {p.wire_name: p.example for p in op.body.params}
    assert examples == {"attributes": {}, "owner": "string", "kind": "string", "blob": "c3RyaW5n"}  # byte: base64
