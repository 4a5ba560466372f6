"""Properties beside an ``anyOf`` of partial objects (intercom's create data attribute: ``data_type`` and ``options``
declared only in the variants): the variants' properties are arguments of the SDK (one several variants declare is
any of their schemas), and the example call fills the object the first variant's way (Prism answered 400 to
``data_type={}`` without ``options``). The same for variants that are whole objects (intercom's ticket reply, readme's
discriminator beside a oneOf: the SDK took the one property declared beside them, and Prism answered 400/422)."""

from __future__ import annotations

from pathlib import Path

from generator.config import Target
from generator.load.document import load_spec
from generator.model import ListOf, Literal, Operation
from generator.parse import parse_api
from generator.pipeline import parse

SPEC = Path(__file__).resolve().parent / "partial_variants.yaml"


def _operations() -> dict[str, Operation]:
    doc = load_spec(SPEC)
    api = parse_api(parse(doc), Target(spec=str(SPEC), output="o", package="pv"), source=str(SPEC), raw=doc.data)
    assert not any("data_type" in w for w in api.warnings)
    return {op.operation_id: op for op in api.operations}


def test_the_variants_properties_are_arguments_and_the_example_fills_the_first_variant() -> None:
    op = _operations()["create"]
    assert op.body is not None
    params = {p.wire_name: p for p in op.body.params}
    assert list(params) == ["name", "data_type", "options"]
    assert params["data_type"].required and not params["options"].required
    assert params["data_type"].type == Literal(("options", "string", "integer"))  # the variants' enums, one enum
    assert isinstance(params["options"].type, ListOf)
    assert params["data_type"].example == "options" and len(params["options"].example) == 2
    assert op.body.example_required == ("options",)


def test_whole_object_variants_too_and_a_union_among_them() -> None:
    op = _operations()["reply"]
    assert op.body is not None and not op.body.whole
    params = {p.wire_name: p for p in op.body.params}
    assert list(params) == ["silent", "body", "user_id", "email", "admin_id"]
    assert not any(p.required for p in params.values())
    assert op.body.example_required == ("body", "user_id")
