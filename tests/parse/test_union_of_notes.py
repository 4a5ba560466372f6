"""A ``oneOf`` whose variants only annotate (``{description: ...}``) adds no alternative: the schema is its own type
(readme-polymorphism's ``{type: string, oneOf: [{description}, {description}]}`` was typed ``object`` and its example
``{}``, which Prism answered with 422 "must be string"); a real union stays one."""

from __future__ import annotations

from pathlib import Path

from generator.config import Target
from generator.load.document import load_spec
from generator.model import Scalar, Union
from generator.parse import parse_api
from generator.pipeline import parse

SPEC = Path(__file__).resolve().parent / "notes_union.yaml"


def test_a_union_of_notes_is_the_schemas_own_type() -> None:
    doc = load_spec(SPEC)
    api = parse_api(parse(doc), Target(spec=str(SPEC), output="o", package="notes"), source=str(SPEC), raw=doc.data)
    op, adopt = (next(o for o in api.operations if o.operation_id == name) for name in ("send", "adopt"))
    assert op.body is not None
    event, either, flag = op.body.params
    assert event.type == Scalar("string") and event.example == "string"
    assert isinstance(either.type, Union)
    assert flag.example is True  # the type beside the variants rules out the "auto" one (together: Prism 422)
    assert adopt.body is not None
    cat, dog = adopt.body.params
    # the discriminator's value: the variant's own enum (an implicit name would break it), else the mapping's key
    assert cat.example == {"name": "string", "kind": "cat"} and dog.example == {"name": "string", "kind": "hound"}
