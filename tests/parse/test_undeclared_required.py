"""A required name no property declares (``required: [name, tag]`` beside ``properties: {name}``): a request must
hold it, with any value, so the SDK takes it as a required argument of any type, with a warning (Prism answered 422
"must have required property" on readme-schema-enums); a response model keeps to what is declared."""

from __future__ import annotations

from pathlib import Path

from generator.config import Target
from generator.load.document import load_spec
from generator.model.types import Any as AnyType
from generator.parse import parse_api
from generator.pipeline import parse

SPEC = Path(__file__).resolve().parent / "undeclared_required.yaml"


def test_a_required_name_without_a_property_is_a_required_argument_of_any_type() -> None:
    doc = load_spec(SPEC)
    api = parse_api(parse(doc), Target(spec=str(SPEC), output="o", package="und"), source=str(SPEC), raw=doc.data)
    (op,) = api.operations
    assert op.body is not None
    params = {p.wire_name: p for p in op.body.params}
    assert set(params) == {"name", "tag"} and params["tag"].required and params["tag"].type == AnyType()
    assert params["tag"].example == {}
    (thing,) = [s for s in api.schemas if s.wire_name == "Thing" and not s.request]
    assert [p.wire_name for p in thing.properties] == ["name"]
    assert any("required property 'tag' is not declared" in w for w in api.warnings)
